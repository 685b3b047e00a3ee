package com.escalationanalyst.sla;

import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.sla.SlaTickets.OpenAlert;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * "Update the teams' tasks": one SlaTeamAlertsProcess (business key: the team) per team with open alerts, its
 * variables the alerts by time to breach (nearest first, breached ones at the top); a team whose alerts are all
 * answered or resolved has its process ended by the message {@value SlaVariables#ALERTS_CLEARED}, which closes its
 * task. Runs of the monitor never overlap in one team's process: it is updated, not started again.
 */
@Component("updateTeamTasksDelegate")
class UpdateTeamTasksDelegate implements JavaDelegate {

    /** The rows a team's task lists (nearest due first); its headline counts them all. */
    static final int MAX_ROWS = 200;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final SlaTickets tickets;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ZoneId zone;

    UpdateTeamTasksDelegate(SlaTickets tickets, RuntimeService runtime, Clock clock,
                            EscalationSettings escalation) {
        this.tickets = tickets;
        this.runtime = runtime;
        this.clock = clock;
        this.zone = escalation.timeZone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Map<String, SlaTickets.TeamAlerts> byTeam = new TreeMap<>();
        long open = 0;
        for (SlaTickets.TeamAlerts team : tickets.openAlerts(MAX_ROWS)) {
            byTeam.put(team.team(), team);
            open += team.open();
        }
        Map<String, ProcessInstance> running = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(ProcessIds.SLA_TEAM_ALERTS)
                .active().list()) {
            running.put(instance.getBusinessKey(), instance);
        }
        for (Map.Entry<String, ProcessInstance> team : running.entrySet()) {
            if (!byTeam.containsKey(team.getKey())) {
                runtime.createMessageCorrelation(SlaVariables.ALERTS_CLEARED).processInstanceId(team.getValue().getId())
                        .correlateWithResult();
            }
        }
        for (Map.Entry<String, SlaTickets.TeamAlerts> team : byTeam.entrySet()) {
            Map<String, Object> variables = variables(team.getValue(), now);
            ProcessInstance instance = running.get(team.getKey());
            if (instance == null) {
                runtime.createProcessInstanceByKey(ProcessIds.SLA_TEAM_ALERTS).businessKey(team.getKey())
                        .setVariables(variables).execute();
            } else {
                runtime.setVariables(instance.getId(), variables);
            }
        }
        execution.setVariable(SlaVariables.TEAMS_WITH_ALERTS, byTeam.size());
        execution.setVariable(SlaVariables.OPEN_ALERTS, open);
        tickets.recordCycle(new SlaTickets.CycleRow(execution.getProcessInstanceId(), now.atOffset(java.time.ZoneOffset.UTC),
                (Integer) execution.getVariable(SlaVariables.OPEN_TICKETS),
                (Integer) execution.getVariable(SlaVariables.WITHOUT_POLICY),
                (Long) execution.getVariable(SlaVariables.NEWLY_AT_RISK), (Long) execution.getVariable(SlaVariables.NEWLY_BREACHED),
                byTeam.size(), open));
    }

    Map<String, Object> variables(SlaTickets.TeamAlerts alerts, Instant now) {
        ArrayNode rows = JsonVariables.mapper().createArrayNode();
        for (OpenAlert alert : alerts.first()) {
            ObjectNode row = rows.addObject();
            row.put("ticketId", alert.ticketId());
            row.put("target", alert.target().replace('_', ' '));
            row.put("state", "BREACHED".equals(alert.state()) ? "breached" : "at risk");
            row.put("priority", alert.priority());
            row.put("due", alert.dueAt() == null ? "paused (pending)" : DUE.format(alert.dueAt().atZone(zone)));
            row.put("timeToBreach", timeToBreach(alert.dueAt(), now));
            row.put("subject", alert.subject());
        }
        return Map.of(SlaVariables.TEAM, alerts.team(), SlaVariables.ALERTS, JsonVariables.json(rows),
                SlaVariables.ALERT_COUNT, alerts.open(),
                SlaVariables.HEADLINE, "## SLA alerts: " + alerts.team() + "\n" + alerts.open() + " open tickets need an "
                        + "answer or a resolution, " + alerts.breached() + " of them past their SLA, nearest due first"
                        + (alerts.open() > MAX_ROWS ? " (the first " + MAX_ROWS + " listed)" : "") + ". This task closes "
                        + "itself once each is answered or resolved; the list is brought up to date every few minutes.");
    }

    /** "in 1 h 20 min", "now", "2 h 5 min ago", "paused". */
    static String timeToBreach(Instant due, Instant now) {
        if (due == null) {
            return "paused";
        }
        Duration left = Duration.between(now, due);
        if (left.toMinutes() == 0) {
            return "now";
        }
        String amount = words(left.abs());
        return left.isNegative() ? amount + " ago" : "in " + amount;
    }

    static String words(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}

package com.escalationanalyst.report;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketLoads;
import com.escalationanalyst.process.ProcessIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@link DataFreshness#judge} needs for a report month: tickets per day of the month and of the
 * trailing months (days in the business zone), the newest ticket import or demo load and the newest completed
 * helpdesk sync, and the open incidents of the helpdesk and CRM syncs.
 */
@Component
class FreshnessCheck {

    private static final int MAX_INCIDENTS_NAMED = 3;
    /** An incident's message is cut here: the hold's own incident message must stay readable. */
    private static final int MAX_MESSAGE = 160;

    private final HelpdeskDatabase helpdesk;
    private final TicketLoads loads;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final FreshnessRules rules;

    FreshnessCheck(HelpdeskDatabase helpdesk, TicketLoads loads, HistoryService history, RuntimeService runtime,
                   FreshnessRules rules) {
        this.helpdesk = helpdesk;
        this.loads = loads;
        this.history = history;
        this.runtime = runtime;
        this.rules = rules;
    }

    DataFreshness of(YearMonth month, ZoneId zone) {
        YearMonth first = month.minusMonths(rules.trailingMonths());
        List<LocalDate> days = new ArrayList<>();
        List<Instant> boundaries = new ArrayList<>();
        for (LocalDate day = first.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            days.add(day);
            boundaries.add(day.atStartOfDay(zone).toInstant());
        }
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        boundaries.add(monthEnd);
        long[] counts = helpdesk.ticketsCreatedBetween(boundaries);
        Map<LocalDate, Long> trailing = new LinkedHashMap<>();
        Map<LocalDate, Long> inMonth = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            (YearMonth.from(days.get(i)).equals(month) ? inMonth : trailing).put(days.get(i), counts[i]);
        }

        String kind = null;
        Instant lastLoad = null;
        var load = loads.latest();
        if (load.isPresent()) {
            kind = load.get().kind();
            lastLoad = load.get().finishedAt();
        }
        List<HistoricProcessInstance> syncs = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.SYNC_HELPDESK).completed()
                .orderByProcessInstanceEndTime().desc().listPage(0, 1);
        if (!syncs.isEmpty() && (lastLoad == null || syncs.get(0).getEndTime().toInstant().isAfter(lastLoad))) {
            kind = "sync";
            lastLoad = syncs.get(0).getEndTime().toInstant();
        }

        List<String> incidents = new ArrayList<>();
        for (String process : List.of(ProcessIds.SYNC_HELPDESK, ProcessIds.SYNC_CRM)) {
            for (Incident incident : runtime.createIncidentQuery().processDefinitionKeyIn(process)
                    .orderByIncidentTimestamp().desc().listPage(0, MAX_INCIDENTS_NAMED)) {
                String message = String.valueOf(incident.getIncidentMessage());
                incidents.add(process + " since " + incident.getIncidentTimestamp().toInstant() + ": "
                        + (message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 1) + "…" : message));
            }
        }
        return DataFreshness.judge(new DataFreshness.Inputs(month, inMonth, trailing, kind, lastLoad, monthEnd,
                incidents), rules);
    }
}

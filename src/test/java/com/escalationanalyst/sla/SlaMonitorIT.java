package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The SLA monitor against the seeded SLA policies (knowledge/escalation-policies/sla-policies.yaml: Strategic 24x7,
 * Premium and Standard on New York business hours, 09:00-17:00 Monday to Friday), on Monday 30 November 2026 in New
 * York. Every expected state is worked out by hand in the comments.
 */
@IntegrationTest
@TestPropertySource(properties = {"escalation.time-zone=America/New_York", "camunda.bpm.job-execution.enabled=false"})
class SlaMonitorIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    JdbcTemplate jdbc;

    static Instant ny(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @BeforeEach
    void load() {
        jdbc = TestStores.empty(dataSource);
        runtimeService.createProcessInstanceQuery().list()
                .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test reset", true, true, true, true));
        Api api = new Api(port);
        Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
        for (String[] a : new String[][] {{"ACC-S", "Standard"}, {"ACC-P", "Premium"}, {"ACC-X", "Strategic"}}) {
            accounts.row("account_id", a[0], "name", "Account " + a[0], "segment", "Mid-Market", "tier", a[1],
                    "region", "NA", "industry", "Software", "arr", "100000");
        }
        assertThat(api.post("/api/import/accounts", "text/csv", accounts.bytes()).statusCode()).isEqualTo(200);
        Csv tickets = new Csv(TicketCsvFormat.COLUMNS);
        // A: Standard, normal, Monday 09:00, unanswered: first response 24 h, 3 h used at 12:00 - nothing to raise;
        // escalated at 10:00 without a breach
        ticket(tickets, "A", ny(11, 30, 9, 0), "open", "normal", "ACC-S", "tier1-billing", null, ny(11, 30, 10, 0));
        // B: Strategic (24x7), urgent, 11:30: first response 30 min, used up at 12:00 - breached
        ticket(tickets, "B", ny(11, 30, 11, 30), "open", "urgent", "ACC-X", "tier2-platform", null, null);
        // C: Premium, urgent, 11:10: first response 1 h, 50 min used at 12:00 (83 % >= 75 %) - at risk
        ticket(tickets, "C", ny(11, 30, 11, 10), "open", "urgent", "ACC-P", "tier2-platform", null, null);
        // D: Standard, urgent, Friday 14:00, answered, pending since Friday 15:00: resolution 8 h, 1 h used (without the
        // pause it would be Friday 14-17 + Monday 9-12 = 6 h = 75 %, at risk) - nothing to raise
        ticket(tickets, "D", ny(11, 27, 14, 0), "pending", "urgent", "ACC-S", "tier1-billing", ny(11, 27, 14, 30), null);
        // E: solved (not read by the monitor), never answered, escalated at 09:30 before its first response was due (13:00)
        ticket(tickets, "E", ny(11, 2, 9, 0), "solved", "urgent", "ACC-S", "tier1-billing", null, ny(11, 2, 9, 30));
        // F: no account (the Standard policy has no condition), low, 2 November, no team: first response 48 h and
        // resolution 40 h both long used up - breached twice, raised to "unassigned"; resolution due Friday 6 November
        // 17:00 (five business days), first response Monday 9 November 17:00; escalated on the 10th, after the breach
        ticket(tickets, "F", ny(11, 2, 9, 0), "new", "low", null, null, null, ny(11, 10, 9, 0));
        assertThat(api.post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);
        // D's status history, imported: open at creation, pending from 15:00
        var changes = api.post("/api/import/ticket-status-changes", "text/csv", ("changed_at,ticket_id,status\n"
                + ny(11, 27, 14, 0) + ",D,open\n" + ny(11, 27, 15, 0) + ",D,pending\n").getBytes(StandardCharsets.UTF_8));
        assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
        assertThat(Api.json(changes).get("inserted").asLong()).isEqualTo(2);
    }

    @Test
    void aStatusChangeFileWithMistakesIsRefusedWholeWithEveryMistakeNamed() {
        Api api = new Api(port);
        var refused = api.post("/api/import/ticket-status-changes", "text/csv", ("ticket_id,changed_at,status\n"
                + "G,2026-11-30T10:00:00Z,open\n"
                + ",2026-11-30T11:00:00Z,pending\n"
                + "G,yesterday,pending\n"
                + "G,2026-11-30T12:00:00Z,waiting\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = Api.json(refused).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("ticket_id");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("message").asText()).startsWith("'yesterday' is not an ISO-8601 instant");
        assertThat(errors.get(2).get("message").asText()).startsWith("'waiting' is not one of [closed, hold, new, open, pending, solved]");
        // nothing of it was kept, not even the good first line; D's two changes from the fixture are still there once
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_status_change", Long.class)).isEqualTo(2);
        var header = api.post("/api/import/ticket-status-changes", "text/csv", "ticket,when\nG,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("the header must name the columns ticket_id, changed_at, status");
        // the same file again adds nothing
        var again = api.post("/api/import/ticket-status-changes", "text/csv", ("ticket_id,changed_at,status\n"
                + "D," + ny(11, 27, 15, 0) + ",pending\n").getBytes(StandardCharsets.UTF_8));
        assertThat(Api.json(again).get("inserted").asLong()).isZero();
    }

    static void ticket(Csv csv, String id, Instant created, String status, String priority, String account, String team,
                       Instant firstResponse, Instant escalatedAt) {
        csv.row("ticket_id", id, "created_at", created.toString(), "status", status, "priority", priority,
                "channel", "email", "product_area", "Billing", "account_id", account == null ? "" : account,
                "subject", "Ticket " + id, "escalated", Boolean.toString(escalatedAt != null),
                "escalated_at", escalatedAt == null ? "" : escalatedAt.toString(),
                "escalation_reason_code", escalatedAt == null ? "" : "SLA-BREACH", "assignee_group", team == null ? "" : team,
                "first_response_at", firstResponse == null ? "" : firstResponse.toString(),
                "resolved_at", "solved".equals(status) ? created.plusSeconds(3600).toString() : "",
                "resolution_type", "solved".equals(status) ? "fixed" : "");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Map<String, Object> cycle(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        ProcessInstance run = runtimeService.startProcessInstanceByKey(ProcessIds.SLA_MONITOR);
        Map<String, Object> counts = new java.util.HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).list()
                .forEach(v -> counts.put(v.getName(), v.getValue()));
        return counts;
    }

    List<String> alerts() {
        return jdbc.queryForList("SELECT ticket_id || ' ' || target || ' ' || state FROM sla_alert ORDER BY 1", String.class);
    }

    Task task(String team) {
        return taskService.createTaskQuery().processInstanceBusinessKey(team).singleResult();
    }

    @Test
    void ticketsAreRaisedOncePerTargetAndStateToOneTaskPerTeamThatClosesWhenAllAreAnswered() throws Exception {
        Map<String, Object> first = cycle(ny(11, 30, 12, 0));
        assertThat(first).containsEntry("openTickets", 5).containsEntry("newlyAtRisk", 1L).containsEntry("newlyBreached", 3L)
                .containsEntry("teamsWithAlerts", 2).containsEntry("openAlerts", 4L);
        assertThat(alerts()).containsExactly("B first_response BREACHED", "C first_response AT_RISK",
                "F first_response BREACHED", "F resolution BREACHED");

        // one task per team, for the analysts' group, its tickets nearest due first: B was due 12:00, C is due 12:10
        Task platform = task("tier2-platform");
        assertThat(platform.getName()).isEqualTo("SLA alerts: tier2-platform");
        assertThat(taskService.getIdentityLinksForTask(platform.getId())).anyMatch(l -> "escalation-analysts".equals(l.getGroupId()));
        JsonNode rows = new ObjectMapper().readTree(runtimeService.getVariable(platform.getProcessInstanceId(), "alerts").toString());
        assertThat(rows.findValuesAsText("ticketId")).containsExactly("B", "C");
        assertThat(rows.get(0).get("state").asText()).isEqualTo("breached");
        assertThat(rows.get(0).get("due").asText()).isEqualTo("2026-11-30 12:00 EST");
        assertThat(rows.get(0).get("timeToBreach").asText()).isEqualTo("now");
        assertThat(rows.get(1).get("due").asText()).isEqualTo("2026-11-30 12:10 EST");
        assertThat(rows.get(1).get("timeToBreach").asText()).isEqualTo("in 10 min");
        assertThat(task("unassigned")).isNotNull();
        assertThat(taskService.createTaskQuery().count()).isEqualTo(2);

        // /sla (linked from Cockpit's dashboard) shows the cycle's counts and each team's open alerts
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(new Api(port).get("/sla").body());
        assertThat(page.select("#cycles tbody tr").first().select("td").eachText()).endsWith("5", "0", "1", "3", "2", "4");
        assertThat(page.select("#teams tbody tr").eachText()).containsExactly("tier2-platform 2 1", "unassigned 2 2");

        // the next cycle raises nothing again and starts no second task
        Map<String, Object> second = cycle(ny(11, 30, 12, 1));
        assertThat(second).containsEntry("newlyAtRisk", 0L).containsEntry("newlyBreached", 0L);
        assertThat(taskService.createTaskQuery().count()).isEqualTo(2);

        // 12:15: C's hour is used up (65 min) - breached, raised once more; its row says so
        Map<String, Object> third = cycle(ny(11, 30, 12, 15));
        assertThat(third).containsEntry("newlyBreached", 1L);
        assertThat(alerts()).contains("C first_response BREACHED");
        rows = new ObjectMapper().readTree(runtimeService.getVariable(platform.getProcessInstanceId(), "alerts").toString());
        assertThat(rows.findValuesAsText("state")).containsExactly("breached", "breached");

        // B and C answered: the platform team has nothing open, its task closes itself; F is still open
        jdbc.update("UPDATE ticket SET first_response_at = ? WHERE ticket_id IN ('B', 'C')",
                ny(11, 30, 12, 20).atOffset(ZoneOffset.UTC));
        cycle(ny(11, 30, 12, 30));
        assertThat(task("tier2-platform")).isNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(platform.getProcessInstanceId())
                .activityId("EndEvent_Cleared").count()).isOne();
        assertThat(task("unassigned")).isNotNull();

        // F solved: the last task closes
        jdbc.update("UPDATE ticket SET status = 'solved' WHERE ticket_id = 'F'");
        Map<String, Object> last = cycle(ny(11, 30, 12, 35));
        assertThat(last).containsEntry("openTickets", 4).containsEntry("teamsWithAlerts", 0);
        assertThat(taskService.createTaskQuery().count()).isZero();
    }

    @Test
    void theProcessRefusesWhatTheAttainmentCannotUseAndStartsNothing() {
        ClockUtil.setCurrentTime(Date.from(ny(11, 30, 12, 0)));
        long runs = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.MEASURE_SLA_ATTAINMENT).count();
        // field → the words of the step that refuses it: the start listener (inputs) or "Resolve period"
        Map<String, String[]> refusals = Map.of(
                "{\"period\":\"last 30 days\",\"productArea\":\"Billing\"}",
                new String[] {"productArea", "productArea: SLA attainment is measured over every product area"},
                "{\"period\":\"last 30 days\",\"colour\":\"red\"}",
                new String[] {"colour", "colour: unknown input; the inputs are"},
                "{\"period\":\"the week after next\"}",
                new String[] {"period", "period: 'the week after next'"},
                "{\"period\":\"last 30 days\",\"question\":\"why?\"}",
                new String[] {"question", "question: is not an input of an analysis request"});
        for (Map.Entry<String, String[]> refusal : refusals.entrySet()) {
            var response = new Api(port).post("/api/analyses/sla-attainment", "application/json",
                    refusal.getKey().getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            JsonNode problem = Api.json(response);
            assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-field");
            assertThat(problem.get("field").asText()).isEqualTo(refusal.getValue()[0]);
            assertThat(problem.get("detail").asText()).startsWith(refusal.getValue()[1]);
        }
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.MEASURE_SLA_ATTAINMENT).count()).as("nothing started").isEqualTo(runs);
    }

    @Test
    void attainmentPerTargetAndDimensionAndTheRiskOfEscalationAfterABreach() {
        ClockUtil.setCurrentTime(Date.from(ny(11, 30, 12, 0)));
        var response = new Api(port).post("/api/analyses/sla-attainment", "application/json",
                "{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = Api.json(response);
        assertThat(result.get("tickets").asInt()).isEqualTo(6);
        // first response: D met (30 min of 4 h); B (30 min of 30 min), E (never answered) and F breached; A and C
        // running: 1 of 4 decided = 25 %. Resolution: E met (1 h of 8 h), F breached, A B C D running: 1 of 2 = 50 %
        assertThat(row(result, "first_response", "all", "all")).isEqualTo("1 3 2 25.0");
        assertThat(row(result, "resolution", "all", "all")).isEqualTo("1 1 4 50.0");
        // by tier (first response): Strategic B breached; Premium C running (no decided target); Standard A running,
        // D met, E breached; F has no account
        assertThat(row(result, "first_response", "tier", "Strategic")).isEqualTo("0 1 0 0.0");
        assertThat(row(result, "first_response", "tier", "Premium")).isEqualTo("0 0 1 null");
        assertThat(row(result, "first_response", "tier", "Standard")).isEqualTo("1 1 1 50.0");
        assertThat(row(result, "first_response", "tier", "unknown")).isEqualTo("0 1 0 0.0");
        assertThat(row(result, "first_response", "team", "tier1-billing")).isEqualTo("1 1 1 50.0");
        assertThat(row(result, "first_response", "priority", "urgent")).isEqualTo("1 2 1 33.333333333333336");
        // escalation after a breach: breached B, E, F - F escalated after its first breach (6 November 17:00), E before
        // its (09:30 < 13:00): a = 1, b = 2; not breached A, C, D - A escalated: c = 1, d = 2. RR = (1/3) / (1/3) = 1,
        // se = sqrt(1 - 1/3 + 1 - 1/3) = sqrt(4/3), interval exp(-/+ 1.96 x 1.154701) = 0.103976 .. 9.617607
        JsonNode risk = result.get("escalationAfterBreach");
        assertThat(risk.get("breachedTickets").asInt()).isEqualTo(3);
        assertThat(risk.get("escalatedAfterBreach").asInt()).isEqualTo(1);
        assertThat(risk.get("otherTickets").asInt()).isEqualTo(3);
        assertThat(risk.get("escalatedOther").asInt()).isEqualTo(1);
        assertThat(risk.get("relativeRisk").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(risk.get("low").asDouble()).isCloseTo(Math.exp(-1.96 * Math.sqrt(4.0 / 3)),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(risk.get("high").asDouble()).isCloseTo(Math.exp(1.96 * Math.sqrt(4.0 / 3)),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(risk.get("corrected").asBoolean()).isFalse();
        // kept in the archive like the other analyses
        JsonNode kept = Api.json(new Api(port).get("/api/analyses?skill=sla-attainment"));
        assertThat(kept.toString()).contains(result.get("processInstanceId").asText());
        // the drill-down lists the tickets behind each breached count: B, E, F for first response, F for resolution
        String firstResponse = result.at("/breachedTickets/first_response").asText();
        assertThat(firstResponse).startsWith("/tickets?").contains("slaBreached=first_response");
        JsonNode page = Api.json(new Api(port).get(firstResponse.replaceFirst("^/tickets", "/api/tickets")));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("tickets").findValuesAsText("ticketId")).containsExactlyInAnyOrder("B", "E", "F");
        JsonNode resolution = Api.json(new Api(port).get(result.at("/breachedTickets/resolution").asText()
                .replaceFirst("^/tickets", "/api/tickets")));
        assertThat(resolution.get("tickets").findValuesAsText("ticketId")).containsExactly("F");
        // the page says what the list is
        String html = new Api(port).get(firstResponse).body();
        assertThat(html).contains("that breached their first response target in SLA attainment run "
                + result.get("processInstanceId").asText());
        // one row per breached ticket, none as a list
        assertThat(jdbc.queryForList("SELECT target || ' ' || ticket_id FROM sla_breach_ticket WHERE run_id = ?",
                String.class, result.get("processInstanceId").asText()))
                .containsExactlyInAnyOrder("first_response B", "first_response E", "first_response F", "resolution F");
        // a run kept before, its breaches one JSON list per target, still lists them
        jdbc.update("INSERT INTO sla_breach_member (run_id, target, ticket_ids, created_at) VALUES ('kept-before',"
                + " 'resolution', '[\"A\",\"D\"]', CURRENT_TIMESTAMP)");
        JsonNode before = Api.json(new Api(port).get("/api/tickets?from=2026-11-01&to=2026-11-30&run=kept-before"
                + "&slaBreached=resolution"));
        assertThat(before.get("tickets").findValuesAsText("ticketId")).containsExactlyInAnyOrder("A", "D");
        // an unknown run is refused, naming the parameter
        var unknown = new Api(port).get("/api/tickets?period=last%2030%20days&run=nope&slaBreached=resolution");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("run");
    }

    /** "met breached running attainment" of one row of the answer. */
    static String row(JsonNode result, String target, String dimension, String value) {
        for (JsonNode r : result.get("rows")) {
            if (r.get("target").asText().equals(target) && r.get("dimension").asText().equals(dimension)
                    && r.get("value").asText().equals(value)) {
                return r.get("met").asLong() + " " + r.get("breached").asLong() + " " + r.get("running").asLong() + " "
                        + (r.get("attainmentPct").isNull() ? "null" : r.get("attainmentPct").asText());
            }
        }
        throw new AssertionError("no row " + target + "/" + dimension + "/" + value + " in " + result.get("rows"));
    }

    @Test
    void thePendingTicketsClockResumesWhereItStopped() {
        // D back to open on Monday 12:00: 1 h on Friday plus Monday 12:00-14:00 = 3 h of 8 at 14:00 - active;
        // at 16:00, 5 h; Tuesday 09:00 + 1 h: 6 h = 75 % - at risk
        new Api(port).post("/api/import/ticket-status-changes", "text/csv", ("ticket_id,changed_at,status\nD,"
                + ny(11, 30, 12, 0) + ",open\n").getBytes(StandardCharsets.UTF_8));
        jdbc.update("UPDATE ticket SET status = 'open' WHERE ticket_id = 'D'");
        cycle(ny(11, 30, 14, 0));
        assertThat(alerts()).noneMatch(a -> a.startsWith("D "));
        cycle(ny(12, 1, 10, 0));
        assertThat(alerts()).contains("D resolution AT_RISK");
    }
}

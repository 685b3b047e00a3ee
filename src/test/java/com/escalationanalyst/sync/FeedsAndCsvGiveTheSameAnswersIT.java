package com.escalationanalyst.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.ProcessState;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same tickets, comments, escalation events and companies, once through the fake helpdesk and CRM APIs
 * (WireMock on loopback) and once as CSV files written from the documented mapping (docs/data-and-feeds.md, "Data feeds"), give
 * the same patterns analysis (known-issue matches included), segment comparison and monthly report.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "escalation.sync.helpdesk.fields.escalated=100",
    "escalation.sync.helpdesk.fields.reason-code=200",
    "escalation.sync.helpdesk.fields.product-area=300",
    "escalation.sync.helpdesk.fields.handle-time=400"})
class FeedsAndCsvGiveTheSameAnswersIT {

    static final WireMockServer source = ProcessState.loopbackWireMock();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] AREAS = {"Notifications", "Billing", "Reporting"};
    static final String[] TAGS = {"bug_confirmed", "refund_exception", "agent_misdiagnosis", "integration_failure"};
    static final Map<Integer, String> GROUPS = Map.of(1, "Tier 1", 2, "Tier 2", 3, "Billing desk");
    /** Agents' notes: two describe the seed's KI-318 (new recipients of the scheduled dashboard e-mail). */
    static final String[] AGENT_NOTES = {
        "New team members are not getting the scheduled dashboard e-mail, older members receive it fine.",
        "Two colleagues added to the weekly dashboard email schedule last week never receive it.",
        "Refund above the approval limit, needs a manager.",
        "Agent picked the wrong cause, tier 2 found the SSO setting in minutes.",
        "Checked the logs, nothing unusual."};

    @DynamicPropertySource
    static void baseUrls(DynamicPropertyRegistry registry) {
        registry.add("escalation.sync.helpdesk.base-url", () -> "http://127.0.0.1:" + source.port());
        registry.add("escalation.sync.crm.base-url", () -> "http://127.0.0.1:" + source.port());
    }

    @AfterAll
    static void stop() {
        source.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    /** A comment of the fixture: its author is the requester or an agent. */
    record Comment(long id, Instant at, boolean byRequester, boolean isPublic, String body) {
    }

    /** A change of the escalation field. */
    record Change(Instant at, boolean set) {
    }

    /** One fixture ticket as the helpdesk knows it. */
    record Ticket(long id, Instant created, String area, long account, int group, boolean escalated, String tag,
                  Instant solvedAt, int handle, List<Comment> comments, List<Change> changes) {
    }

    @Test
    void theSameDataThroughTheApisAndAsCsvGivesTheSameAnswers() throws Exception {
        List<Ticket> tickets = fixture();
        Api api = new Api(port);

        // through the APIs
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM ticket_sync_cursor");
        jdbc.update("DELETE FROM account_sync_cursor");
        jdbc.update("DELETE FROM assignee_group");
        stubSources(tickets);
        runSync(api, "/api/sync/helpdesk");
        runSync(api, "/api/sync/crm");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isEqualTo(tickets.size());
        Map<String, JsonNode> viaApis = answers(api);

        // as CSV files, into stores emptied again
        TestStores.empty(dataSource);
        assertThat(api.post("/api/import/tickets", "text/csv", ticketCsv(tickets).bytes()).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/import/accounts", "text/csv", accountCsv().bytes()).statusCode()).isEqualTo(200);
        Map<String, JsonNode> viaCsv = answers(api);

        for (String analysis : viaApis.keySet()) {
            assertThat(viaApis.get(analysis)).as(analysis).isEqualTo(viaCsv.get(analysis));
        }
        // the comparison has something in it: known issues matched, escalation times and teams known
        JsonNode patterns = viaApis.get("patterns");
        assertThat(patterns.toString()).contains("KI-318");
        assertThat(patterns.get("meanTimeToEscalationMinutes").isNumber()).isTrue();
        assertThat(patterns.toString()).contains("\"topTeam\":\"Tier");
        assertThat(viaApis.get("report").toString()).contains("Tier");
        // the newest load was the sync through the APIs, the import as CSV
        assertThat(lastLoadKinds).containsExactly("sync", "import");
    }

    /** 90 tickets over September and October 2026, each with comments and, for some, escalation changes. */
    static List<Ticket> fixture() {
        Random random = new Random(20261201);
        List<Ticket> tickets = new ArrayList<>();
        long commentId = 1;
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        for (int i = 0; i < 90; i++) {
            long id = 5000 + i;
            Instant created = start.plusSeconds(random.nextInt(61 * 86400));
            String area = AREAS[random.nextInt(AREAS.length)];
            boolean escalated = random.nextInt(3) == 0;
            String tag = escalated ? TAGS[random.nextInt(TAGS.length)] : null;
            Instant solved = random.nextInt(4) > 0 ? created.plusSeconds(3600 + random.nextInt(72 * 3600)) : null;
            List<Comment> comments = new ArrayList<>();
            comments.add(new Comment(commentId++, created, true, true, "Hello, something is wrong with " + area));
            int agentComments = 1 + random.nextInt(2);
            for (int c = 0; c < agentComments; c++) {
                String body = escalated && "bug_confirmed".equals(tag) && area.equals("Notifications") && c == 0
                        ? AGENT_NOTES[random.nextInt(2)] : AGENT_NOTES[2 + random.nextInt(AGENT_NOTES.length - 2)];
                comments.add(new Comment(commentId++, created.plusSeconds(600L * (c + 1)), false, c % 2 == 1, body));
            }
            if (random.nextBoolean()) {
                comments.add(new Comment(commentId++, created.plusSeconds(3000), true, true, "Any news?"));
            }
            List<Change> changes = new ArrayList<>();
            if (escalated) {
                changes.add(new Change(created.plusSeconds(60L * (5 + random.nextInt(300))), true));
                if (random.nextInt(3) == 0) { // cleared and set again
                    Instant last = changes.get(0).at();
                    changes.add(new Change(last.plusSeconds(600), false));
                    changes.add(new Change(last.plusSeconds(1800), true));
                }
            } else if (random.nextInt(5) == 0) { // set, then cleared
                changes.add(new Change(created.plusSeconds(900), true));
                changes.add(new Change(created.plusSeconds(1900), false));
            }
            tickets.add(new Ticket(id, created, area, 701 + random.nextInt(4), 1 + random.nextInt(3), escalated, tag,
                    solved, 10 + random.nextInt(90), comments, changes));
        }
        return tickets;
    }

    // ---- the sources as the APIs serve them ----

    void stubSources(List<Ticket> tickets) throws Exception {
        source.resetAll();
        ArrayNode groups = JSON.createArrayNode();
        GROUPS.forEach((id, name) -> groups.addObject().put("id", id).put("name", name));
        source.stubFor(get(urlPathEqualTo("/api/v2/groups.json"))
                .willReturn(okJson(JSON.createObjectNode().set("groups", groups).toString())));
        // tickets on two pages
        List<Ticket> first = tickets.subList(0, 50);
        List<Ticket> second = tickets.subList(50, tickets.size());
        source.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor.json")).withQueryParam("start_time", equalTo("0"))
                .willReturn(okJson(ticketPage(first, "p1", false))));
        source.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor.json")).withQueryParam("cursor", equalTo("p1"))
                .willReturn(okJson(ticketPage(second, "p2", true))));
        // every event, oldest first, on pages of 40 events
        List<ObjectNode> events = new ArrayList<>();
        for (Ticket t : tickets) {
            for (Comment c : t.comments()) {
                ObjectNode event = event(t, c.at());
                event.withArray("child_events").addObject().put("id", 100000 + c.id()).put("event_type", "Comment")
                        .put("author_id", c.byRequester() ? requester(t) : 77).put("public", c.isPublic()).put("body", c.body());
                events.add(event);
            }
            for (Change ch : t.changes()) {
                ObjectNode event = event(t, ch.at());
                event.withArray("child_events").addObject().put("event_type", "Change").put("field_name", "100")
                        .put("value", Boolean.toString(ch.set())).put("previous_value", Boolean.toString(!ch.set()));
                events.add(event);
            }
        }
        events.sort((a, b) -> a.get("created_at").asText().compareTo(b.get("created_at").asText()));
        long start = 0;
        for (int from = 0; from < events.size(); from += 40) {
            List<ObjectNode> page = events.subList(from, Math.min(events.size(), from + 40));
            boolean last = from + 40 >= events.size();
            long end = Instant.parse(page.get(page.size() - 1).get("created_at").asText()).getEpochSecond();
            assertThat(end).as("the fixture's pages end at different seconds").isGreaterThan(start);
            ObjectNode body = JSON.createObjectNode();
            body.putArray("ticket_events").addAll(page);
            body.put("end_time", end).put("end_of_stream", last).put("count", page.size());
            source.stubFor(get(urlPathEqualTo("/api/v2/incremental/ticket_events.json"))
                    .withQueryParam("start_time", equalTo(Long.toString(start))).willReturn(okJson(body.toString())));
            start = end;
        }
        // the CRM's companies, one page
        ArrayNode results = JSON.createArrayNode();
        for (int account = 701; account <= 704; account++) {
            ObjectNode company = results.addObject().put("id", Integer.toString(account));
            company.putObject("properties").put("hs_object_id", Integer.toString(account)).put("name", "Company " + account)
                    .put("segment", segment(account)).put("tier", account % 2 == 0 ? "Gold" : "Silver")
                    .put("region", "EMEA").put("industry", "SaaS").put("annualrevenue", Integer.toString(account * 1000));
        }
        source.stubFor(post(urlPathEqualTo("/crm/v3/objects/companies/search"))
                .willReturn(okJson(JSON.createObjectNode().put("total", 4).set("results", results).toString())));
    }

    static ObjectNode event(Ticket t, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", at.getEpochSecond() * 1000 + t.id() % 1000).put("ticket_id", t.id()).put("created_at", at.toString())
                .put("event_type", "Audit");
        event.putArray("child_events");
        return event;
    }

    static String ticketPage(List<Ticket> tickets, String cursor, boolean end) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("tickets");
        ArrayNode metrics = page.putArray("metric_sets");
        for (Ticket t : tickets) {
            ObjectNode json = list.addObject().put("id", t.id()).put("created_at", t.created().toString())
                    .put("status", t.solvedAt() == null ? "open" : "solved").put("priority", "normal")
                    .put("subject", "Ticket " + t.id() + " about " + t.area()).put("organization_id", t.account())
                    .put("group_id", t.group()).put("requester_id", requester(t));
            json.putObject("via").put("channel", "web");
            ArrayNode fields = json.putArray("custom_fields");
            fields.addObject().put("id", 100).put("value", t.escalated());
            if (t.tag() != null) {
                fields.addObject().put("id", 200).put("value", t.tag());
            } else {
                fields.addObject().put("id", 200).putNull("value");
            }
            fields.addObject().put("id", 300).put("value", t.area());
            fields.addObject().put("id", 400).put("value", Integer.toString(t.handle()));
            if (t.solvedAt() != null) {
                metrics.addObject().put("ticket_id", t.id()).put("solved_at", t.solvedAt().toString());
            }
        }
        page.put("after_cursor", cursor).put("end_of_stream", end);
        return page.toString();
    }

    static long requester(Ticket t) {
        return 9000 + t.id();
    }

    static String segment(int account) {
        return account <= 702 ? "Enterprise" : "SMB";
    }

    void runSync(Api api, String path) {
        var started = api.post(path, "application/json", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = Api.json(started).get("processInstanceId").asText();
        ProcessState.runToTheEnd(runtimeService, managementService, instance, 50);
    }

    // ---- the same as CSV, written from the documented mapping ----

    static Csv ticketCsv(List<Ticket> tickets) {
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (Ticket t : tickets) {
            // notes: the comments not written by the requester, oldest first, a blank line between them
            List<String> notes = new ArrayList<>();
            t.comments().stream().filter(c -> !c.byRequester())
                    .sorted((a, b) -> a.at().equals(b.at()) ? Long.compare(a.id(), b.id()) : a.at().compareTo(b.at()))
                    .forEach(c -> notes.add(c.body()));
            // escalated_at: the latest change, if it set the field and the ticket is escalated
            Change latest = t.changes().isEmpty() ? null : t.changes().get(t.changes().size() - 1);
            String escalatedAt = t.escalated() && latest != null && latest.set() ? latest.at().toString() : "";
            csv.row("ticket_id", Long.toString(t.id()), "created_at", t.created().toString(),
                    "status", t.solvedAt() == null ? "open" : "solved", "priority", "normal", "channel", "web",
                    "product_area", t.area(), "account_id", Long.toString(t.account()),
                    "subject", "Ticket " + t.id() + " about " + t.area(), "escalated", Boolean.toString(t.escalated()),
                    "escalated_at", escalatedAt,
                    "escalation_reason_code", t.tag() == null ? "" : t.tag().toUpperCase(java.util.Locale.ROOT).replace('_', '-'),
                    "assignee_group", GROUPS.get(t.group()), "handle_time_minutes", Integer.toString(t.handle()),
                    "resolution_type", t.solvedAt() == null ? "" : "solved",
                    "resolved_at", t.solvedAt() == null ? "" : t.solvedAt().toString(),
                    "resolution_notes", t.solvedAt() == null ? "" : String.join("\n\n", notes));
        }
        return csv;
    }

    static Csv accountCsv() {
        Csv csv = new Csv(AccountCsvFormat.COLUMNS);
        for (int account = 701; account <= 704; account++) {
            csv.row("account_id", Integer.toString(account), "name", "Company " + account, "segment", segment(account),
                    "tier", account % 2 == 0 ? "Gold" : "Silver", "region", "EMEA", "industry", "SaaS",
                    "arr", Integer.toString(account * 1000));
        }
        return csv;
    }

    // ---- the answers ----

    /**
     * What differs between two runs over the same data: ids, times of the run, what this run had to embed, and how
     * the data arrived (the report's freshness names the newest load: a sync or an import).
     */
    static final Set<String> RUN_FIELDS = Set.of("processInstanceId", "reportId", "createdAt", "sentAt",
            "embeddingsComputed", "decisionsMade", "startedAt", "finishedAt", "knowledgeGeneration", "lastLoadKind",
            "lastLoadAt");

    final List<String> lastLoadKinds = new ArrayList<>();

    Map<String, JsonNode> answers(Api api) throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("patterns", withoutRunFields(call(api, "/api/analyses/escalation-patterns",
                "{\"from\":\"2026-09-01\",\"to\":\"2026-10-31\"}")));
        answers.put("segments", withoutRunFields(call(api, "/api/analyses/segment-rates",
                "{\"from\":\"2026-09-01\",\"to\":\"2026-10-31\",\"dimension\":\"segment\"}")));
        JsonNode run = call(api, "/api/reports/monthly", "{\"month\":\"2026-10\",\"send\":false}");
        var report = api.get("/api/reports/" + run.get("reportId").asText());
        assertThat(report.statusCode()).isEqualTo(200);
        ObjectNode numbers = JSON.createObjectNode();
        numbers.set("subject", Api.json(report).get("subject"));
        lastLoadKinds.add(Api.json(report).at("/numbers/freshness/lastLoadKind").asText());
        numbers.set("numbers", withoutRunFields(Api.json(report).get("numbers")));
        answers.put("report", numbers);
        return answers;
    }

    static JsonNode call(Api api, String path, String body) {
        var response = api.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Api.json(response);
    }

    static JsonNode withoutRunFields(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (RUN_FIELDS.contains(names.next())) {
                    names.remove();
                }
            }
            object.forEach(FeedsAndCsvGiveTheSameAnswersIT::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(FeedsAndCsvGiveTheSameAnswersIT::strip);
        }
    }
}

package com.escalationanalyst.helpdesk.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.sync.SyncVariables;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.ProcessState;
import com.escalationanalyst.testsupport.TestStores;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The helpdesk sync against WireMock on loopback serving a Zendesk-style incremental export: four pages,
 * a 429 with Retry-After, a 500, a malformed page (incident, resolved by a retry), and a later run that
 * resumes from the stored cursor. Jobs and timers run by hand.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "escalation.sync.helpdesk.user=sync@example.com",
    "HELPDESK_API_TOKEN=" + SyncHelpdeskProcessIT.TOKEN,
    "escalation.sync.helpdesk.fields.escalated=100",
    "escalation.sync.helpdesk.fields.reason-code=200",
    "escalation.sync.helpdesk.fields.product-area=300",
    "escalation.sync.helpdesk.fields.handle-time=400"})
class SyncHelpdeskProcessIT {

    static final String TOKEN = "secret-token-8f3a";
    static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";
    static final WireMockServer helpdesk = ProcessState.loopbackWireMock();

    @DynamicPropertySource
    static void baseUrl(DynamicPropertyRegistry registry) {
        registry.add("escalation.sync.helpdesk.base-url", () -> "http://127.0.0.1:" + helpdesk.port());
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    com.escalationanalyst.helpdesk.NoteEmbeddingStore embeddingStore;
    @Autowired
    com.escalationanalyst.helpdesk.NoteMatchStore decisions;
    @Autowired
    com.escalationanalyst.knowledge.KnowledgeService knowledge;

    @AfterAll
    static void stop() {
        helpdesk.stop();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static String ticket(long id, String created, String status, String subject, boolean escalated, String reason,
                         String area, String handle) {
        return """
                {"id":%d,"created_at":"%s","status":"%s","priority":"high","subject":"%s","organization_id":70%d,
                 "group_id":9,"via":{"channel":"email"},
                 "custom_fields":[{"id":100,"value":%s},{"id":200,"value":%s},{"id":300,"value":"%s"},{"id":400,"value":%s},
                                  {"id":999,"value":"ignored"}]}"""
                .formatted(id, created, status, subject, id, escalated, reason == null ? "null" : "\"" + reason + "\"",
                        area, handle == null ? "null" : "\"" + handle + "\"");
    }

    static String page(String cursor, boolean end, String metrics, String... tickets) {
        return "{\"tickets\":[" + String.join(",", tickets) + "],\"metric_sets\":[" + metrics + "],\"after_cursor\":\""
                + cursor + "\",\"end_of_stream\":" + end + "}";
    }

    void stubPages() {
        helpdesk.resetAll();
        stubGroupsAndNoEvents();
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("0"))
                .willReturn(okJson(page("c1", false,
                        "{\"ticket_id\":1,\"solved_at\":\"2026-10-02T12:00:00Z\",\"reply_time_in_minutes\":{\"calendar\":30}}",
                        ticket(1, "2026-10-01T09:00:00Z", "solved", "Export times out", false, null, "Reporting", "25"),
                        ticket(2, "2026-10-01T10:00:00Z", "open", "Invoice wrong", true, "bug_confirmed", "Billing", "40")))));
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .inScenario("c1").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("allowed"));
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c1"))
                .inScenario("c1").whenScenarioStateIs("allowed")
                .willReturn(okJson(page("c2", false, "",
                        ticket(3, "2026-10-03T08:00:00Z", "hold", "SSO loop", true, "integration_failure", "Login", null),
                        ticket(2, "2026-10-01T10:00:00Z", "pending", "Invoice wrong (updated)", true, "bug_confirmed", "Billing", "45")))));
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c2"))
                .inScenario("c2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("upstream down")).willSetStateTo("recovered"));
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c2"))
                .inScenario("c2").whenScenarioStateIs("recovered")
                .willReturn(okJson(page("c3", false, "",
                        ticket(4, "2026-10-04T08:00:00Z", "new", "Question", false, null, "Billing", "5"),
                        "{\"id\":5,\"status\":\"deleted\",\"created_at\":\"2026-10-04T09:00:00Z\"}"))));
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c3"))
                .willReturn(okJson(page("c4", true, "",
                        ticket(6, "yesterday", "open", "Bad date", false, null, "Billing", "5")))));
    }

    static final String EVENTS = "/api/v2/incremental/ticket_events.json";

    /** Team names for group 9; an event export with nothing in it. */
    static void stubGroupsAndNoEvents() {
        helpdesk.stubFor(get(urlPathEqualTo("/api/v2/groups.json"))
                .willReturn(okJson("{\"groups\":[{\"id\":9,\"name\":\"Tier 2 Billing\"}],\"next_page\":null}")));
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).atPriority(10)
                .willReturn(okJson("{\"ticket_events\":[],\"end_time\":0,\"end_of_stream\":true,\"count\":0}")));
    }

    @Test
    void theTimerRunsEveryFifteenMinutesWhenASourceIsConfigured() {
        Job timer = managementService.createJobQuery().processDefinitionKey("SyncHelpdeskProcess").timers().singleResult();
        assertThat(timer.isSuspended()).isFalse();
        // firing starts a sync (its first page is a job of its own) and re-arms the cycle from now
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(3)));
        managementService.executeJob(timer.getId());
        Job next = managementService.createJobQuery().processDefinitionKey("SyncHelpdeskProcess").timers().singleResult();
        assertThat(next.getId()).isNotEqualTo(timer.getId());
        assertThat(next.getDuedate().toInstant()).isAfter(timer.getDuedate().toInstant().plusSeconds(14 * 60))
                .isBefore(timer.getDuedate().toInstant().plusSeconds(16 * 60));
        runtimeService.createProcessInstanceQuery().processDefinitionKey("SyncHelpdeskProcess").list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void pagesRateLimitAServerErrorAndAMalformedPageEndInTheUnionOfTheGoodPagesAndTheRightCursor(CapturedOutput log) {
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM ticket_sync_cursor");
        stubPages();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
        double failedBefore = failedJobs();
        double pagesBefore = meters.counter("escalation.sync.pages", "feed", "helpdesk-tickets").count();
        var started = new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = Api.json(started).get("processInstanceId").asText();

        managementService.executeJob(job(instance).getId()); // team names
        managementService.executeJob(job(instance).getId()); // page 1
        assertThat(cursor(jdbc)).isEqualTo("c1");
        managementService.executeJob(job(instance).getId()); // 429: the timer waits as Retry-After says
        Job wait = job(instance);
        assertThat(wait.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-02T09:00:07Z"));
        managementService.executeJob(wait.getId());
        managementService.executeJob(job(instance).getId()); // page 2
        String serverError = job(instance).getId();
        assertThatThrownBy(() -> managementService.executeJob(serverError)).hasMessageContaining("HTTP 500");
        assertThat(job(instance).getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-02T09:00:10Z")); // back-off
        assertThat(cursor(jdbc)).isEqualTo("c2"); // unchanged by the failed page
        managementService.executeJob(job(instance).getId()); // page 3
        assertThat(cursor(jdbc)).isEqualTo("c3");

        int attempts = 0;
        Job malformed = job(instance);
        while (malformed.getRetries() > 0) {
            String id = malformed.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("cursor=c3")
                    .hasMessageContaining("created_at");
            attempts++;
            malformed = job(instance);
        }
        assertThat(attempts).isEqualTo(4); // the first try and the three of PT10S,PT1M,PT5M
        // metrics: the 500 and the four attempts at the malformed page failed; pages 1 to 3 were stored
        assertThat(failedJobs() - failedBefore).isEqualTo(5);
        assertThat(meters.counter("escalation.sync.pages", "feed", "helpdesk-tickets").count() - pagesBefore).isEqualTo(3);
        // the page cursor was saved at the engine's "now", 09:00:00; the lag is read against the same clock
        assertThat(meters.get("escalation.sync.last.success").tag("feed", "helpdesk-tickets").gauge().value())
                .isEqualTo(Instant.parse("2026-11-02T09:00:00Z").getEpochSecond());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:01:30Z")));
        assertThat(meters.get("escalation.sync.lag").tag("feed", "helpdesk-tickets").gauge().value()).isEqualTo(90.0);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isOne();
        // the union of the good pages; ticket 2 once, as page 2 left it; the deleted ticket and the bad page absent
        assertThat(jdbc.queryForList("SELECT ticket_id FROM ticket ORDER BY ticket_id", String.class))
                .containsExactly("1", "2", "3", "4");
        assertThat(cursor(jdbc)).isEqualTo("c3");
        Map<String, Object> two = jdbc.queryForMap("SELECT subject, status, escalated, escalation_reason_code, product_area, "
                + "handle_time_minutes, account_id, channel FROM ticket WHERE ticket_id = '2'");
        assertThat(two.get("subject")).isEqualTo("Invoice wrong (updated)");
        assertThat(two.get("status")).isEqualTo("pending");
        assertThat(two.get("escalated")).isEqualTo(true);
        assertThat(two.get("escalation_reason_code")).isEqualTo("BUG-CONFIRMED"); // the tag bug_confirmed
        assertThat(two.get("product_area")).isEqualTo("Billing");
        assertThat(((Number) two.get("handle_time_minutes")).intValue()).isEqualTo(45);
        assertThat(two.get("account_id")).isEqualTo("702");
        assertThat(two.get("channel")).isEqualTo("email");
        assertThat(jdbc.queryForObject("SELECT status FROM ticket WHERE ticket_id = '3'", String.class)).isEqualTo("pending");
        // ticket 1's metric set: solved at, first reply 30 minutes after creation
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution WHERE ticket_id = '1' AND resolution_type = 'solved'",
                Integer.class)).isOne();

        // the page is fixed at the source; a retry resolves the incident and finishes the stream
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c3")).atPriority(1)
                .willReturn(okJson(page("c4", true, "",
                        ticket(6, "2026-10-05T08:00:00Z", "open", "Good date", false, null, "Billing", "5")))));
        managementService.setJobRetries(malformed.getId(), 1);
        managementService.executeJob(malformed.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        managementService.executeJob(job(instance).getId()); // the event export, empty
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(jdbc.queryForList("SELECT ticket_id FROM ticket ORDER BY ticket_id", String.class))
                .containsExactly("1", "2", "3", "4", "6");
        assertThat(cursor(jdbc)).isEqualTo("c4");
        assertThat(variable(instance, SyncVariables.PAGES_FETCHED)).isEqualTo(4L);
        assertThat(variable(instance, SyncVariables.TICKETS_UPSERTED)).isEqualTo(6L); // 2 + 2 + 1 + 1, ticket 2 twice
        // ticket 5 arrived deleted and was never stored: nothing removed, counted as never stored
        assertThat(variable(instance, SyncVariables.TICKETS_DELETED_AT_SOURCE)).isEqualTo(0L);
        assertThat(variable(instance, SyncVariables.DELETED_TICKETS_NEVER_STORED)).isEqualTo(1L);
        assertThat(variable(instance, SyncVariables.GROUP_NAMES)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT assignee_group FROM ticket", String.class)).containsExactly("Tier 2 Billing");

        // the token went in the header, and nowhere into the process's variables
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sync@example.com/token:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        helpdesk.verify(getRequestedFor(urlPathEqualTo(EXPORT)).withHeader("Authorization", equalTo(basic)));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(TOKEN));
        assertThat(log.getAll()).doesNotContain(TOKEN).doesNotContain(basic.substring("Basic ".length()));

        // a later run resumes from the stored cursor
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c4"))
                .willReturn(okJson(page("c4", true, ""))));
        String later = Api.json(new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]))
                .get("processInstanceId").asText();
        managementService.executeJob(job(later).getId()); // team names
        managementService.executeJob(job(later).getId());
        managementService.executeJob(job(later).getId()); // events
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("0")));
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c4")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isEqualTo(5);

        // the helpdesk unreachable (every connection reset): retries, an incident, the cursor and the store unchanged
        helpdesk.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(1)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        String down = Api.json(new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]))
                .get("processInstanceId").asText();
        managementService.executeJob(job(down).getId()); // team names: not refreshed, the stored ones kept
        assertThat(variable(down, SyncVariables.GROUP_NAMES)).isEqualTo(-1);
        Job unreachable = job(down);
        while (unreachable.getRetries() > 0) {
            String id = unreachable.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).isNotNull();
            unreachable = job(down);
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(down).count()).isOne();
        assertThat(cursor(jdbc)).isEqualTo("c4");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isEqualTo(5);
    }

    // ---- ticket events: notes, escalation times, deletions ----

    /** A solved or open ticket of the tickets export with a requester; escalated per its custom field. */
    static String ticketWithRequester(long id, String status, boolean escalated, long requester) {
        return """
                {"id":%d,"created_at":"2026-10-01T08:00:00Z","status":"%s","priority":"normal","subject":"Ticket %d",
                 "organization_id":701,"group_id":9,"requester_id":%d,"via":{"channel":"web"},
                 "custom_fields":[{"id":100,"value":%s},{"id":200,"value":"bug_confirmed"},{"id":300,"value":"Billing"}]}"""
                .formatted(id, status, id, requester, escalated);
    }

    static String solvedMetric(long id) {
        return "{\"ticket_id\":" + id + ",\"solved_at\":\"2026-10-03T08:00:00Z\"}";
    }

    /** One ticket event (an audit) with its child events. */
    static String event(long ticket, String at, String... children) {
        return "{\"id\":" + Math.abs(at.hashCode() + ticket) + ",\"ticket_id\":" + ticket + ",\"created_at\":\"" + at
                + "\",\"event_type\":\"Audit\",\"child_events\":[" + String.join(",", children) + "]}";
    }

    static String comment(long id, long author, boolean isPublic, String body) {
        return "{\"id\":" + id + ",\"event_type\":\"Comment\",\"author_id\":" + author + ",\"public\":" + isPublic
                + ",\"body\":\"" + body + "\",\"html_body\":\"<p>" + body + "</p>\"}";
    }

    static String escalationChange(boolean value) {
        return "{\"event_type\":\"Change\",\"field_name\":\"100\",\"value\":\"" + value + "\",\"previous_value\":\""
                + !value + "\"}";
    }

    static String statusChange(String value) {
        return "{\"event_type\":\"Change\",\"field_name\":\"status\",\"value\":\"" + value + "\"}";
    }

    static String eventPage(long endTime, boolean end, String... events) {
        return "{\"ticket_events\":[" + String.join(",", events) + "],\"end_time\":" + endTime + ",\"end_of_stream\":" + end
                + ",\"count\":" + events.length + "}";
    }

    void stubTickets(String query, String value, String cursor, String metrics, String... tickets) {
        helpdesk.stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam(query, equalTo(value))
                .willReturn(okJson(page(cursor, true, metrics, tickets))));
    }

    void stubEvents(long startTime, String body) {
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo(Long.toString(startTime)))
                .withQueryParam("include", equalTo("comment_events")).willReturn(okJson(body)));
    }

    /** Starts a sync and runs its jobs until it ends; returns the instance. */
    String syncToTheEnd() {
        var started = new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = Api.json(started).get("processInstanceId").asText();
        ProcessState.runToTheEnd(runtimeService, managementService, instance, 20);
        return instance;
    }

    @Test
    void commentsOverSeveralPagesBecomeNotesAndTheLatestEscalationChangeTheEscalationTimeWhicheverExportIsFirst() {
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM ticket_sync_cursor");
        helpdesk.resetAll();
        stubGroupsAndNoEvents();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
        // tickets 11 (solved, escalated), 12 (open, no longer escalated), 13 (solved, escalated, no events)
        stubTickets("start_time", "0", "t1", solvedMetric(11) + "," + solvedMetric(13),
                ticketWithRequester(11, "solved", true, 501), ticketWithRequester(12, "open", false, 502),
                ticketWithRequester(13, "solved", true, 503));
        // the events over two pages, a 429 between them; 11's escalation set, cleared and set again; 12's set then
        // cleared; 14 is not stored yet
        stubEvents(0, eventPage(1000, false,
                event(11, "2026-10-01T09:00:00Z", comment(1, 501, true, "My invoice shows the old plan")),
                event(11, "2026-10-01T10:00:00Z", comment(2, 77, false, "Checked billing logs, proration is wrong."),
                        escalationChange(true)),
                event(12, "2026-10-01T11:00:00Z", escalationChange(true), statusChange("pending"))));
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("1000"))
                .inScenario("events").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("allowed"));
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("1000"))
                .inScenario("events").whenScenarioStateIs("allowed")
                .willReturn(okJson(eventPage(2000, true,
                        event(11, "2026-10-01T12:00:00Z", comment(3, 78, true, "Applied a credit note as workaround."),
                                escalationChange(false)),
                        event(11, "2026-10-01T13:00:00Z", escalationChange(true)),
                        event(12, "2026-10-01T14:00:00Z", escalationChange(false), statusChange("open")),
                        event(14, "2026-10-01T15:00:00Z", comment(4, 79, false, "Reproduced on staging."),
                                escalationChange(true))))));

        String first = syncToTheEnd();
        // the requester's comment is not a note; the agents' public and internal comments are, oldest first
        assertThat(notes(jdbc, "11")).isEqualTo("Checked billing logs, proration is wrong.\n\nApplied a credit note as workaround.");
        assertThat(escalatedAt(jdbc, "11")).isEqualTo(Instant.parse("2026-10-01T13:00:00Z"));
        assertThat(escalatedAt(jdbc, "12")).isNull();
        assertThat(escalatedAt(jdbc, "13")).isNull(); // escalated, but no event says when
        assertThat(notes(jdbc, "13")).isNull();
        assertThat(variable(first, SyncVariables.EVENT_PAGES_FETCHED)).isEqualTo(2L);
        assertThat(variable(first, SyncVariables.COMMENTS_STORED)).isEqualTo(4L);
        assertThat(variable(first, SyncVariables.ESCALATION_CHANGES_STORED)).isEqualTo(6L);
        assertThat(variable(first, SyncVariables.TICKETS_UPDATED_FROM_EVENTS)).isEqualTo(2L); // ticket 11, on both pages
        assertThat(jdbc.queryForObject("SELECT cursor_value FROM ticket_sync_cursor WHERE feed = 'helpdesk-ticket-events'",
                String.class)).isEqualTo("2000");
        // 12's status changes, for the SLA clock: pending at 11:00, open again at 14:00
        assertThat(jdbc.queryForList("SELECT status FROM ticket_status_change WHERE ticket_id = '12' ORDER BY changed_at",
                String.class)).containsExactly("pending", "open");
        assertThat(jdbc.queryForObject("SELECT MIN(changed_at) FROM ticket_status_change WHERE ticket_id = '12'",
                java.time.OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2026-10-01T11:00:00Z"));

        // the next run: ticket 14 arrives after its events, 11 again unchanged; the event export goes on from 2000
        stubTickets("cursor", "t1", "t2", solvedMetric(14) + "," + solvedMetric(11),
                ticketWithRequester(14, "solved", true, 600), ticketWithRequester(11, "solved", true, 501));
        stubEvents(2000, eventPage(2000, true));
        syncToTheEnd();
        assertThat(notes(jdbc, "14")).isEqualTo("Reproduced on staging.");
        assertThat(escalatedAt(jdbc, "14")).isEqualTo(Instant.parse("2026-10-01T15:00:00Z"));
        assertThat(notes(jdbc, "11")).isEqualTo("Checked billing logs, proration is wrong.\n\nApplied a credit note as workaround.");
        assertThat(escalatedAt(jdbc, "11")).isEqualTo(Instant.parse("2026-10-01T13:00:00Z"));
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("0")));
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("2000")));
    }

    @Test
    void aTicketDeletedAtSourceLeavesTheStoreWithEverythingDerivedAndTheEventExportResumesWhereItStopped() throws Exception {
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM ticket_sync_cursor");
        helpdesk.resetAll();
        stubGroupsAndNoEvents();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
        stubTickets("start_time", "0", "d1", solvedMetric(21) + "," + solvedMetric(23),
                ticketWithRequester(21, "solved", true, 501), ticketWithRequester(23, "solved", true, 503));
        stubEvents(0, eventPage(1000, false,
                event(21, "2026-10-01T10:00:00Z", comment(31, 77, false, "Sync job drops the last page."), escalationChange(true)),
                event(23, "2026-10-01T10:30:00Z", comment(33, 77, false, "Works as designed."))));
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("1000"))
                .willReturn(aResponse().withStatus(500).withBody("down")));

        var started = new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]);
        String instance = Api.json(started).get("processInstanceId").asText();
        managementService.executeJob(job(instance).getId()); // names
        managementService.executeJob(job(instance).getId()); // tickets
        managementService.executeJob(job(instance).getId()); // events from 0
        Job failing = job(instance);
        while (failing.getRetries() > 0) {
            String id = failing.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("HTTP 500")
                    .hasMessageContaining("start_time=1000");
            failing = job(instance);
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isOne();
        assertThat(notes(jdbc, "21")).isEqualTo("Sync job drops the last page.");
        // the run is given up (as when the application stopped in the middle); its position is in the store
        runtimeService.deleteProcessInstance(instance, "test: given up");
        // the embedding of 21's text, as the background job stores it
        com.escalationanalyst.knowledge.SentenceEmbeddings.shared().prepare(
                java.util.List.of("Ticket 21\nSync job drops the last page."), embeddingStore);
        assertThat(embeddingStore.find(java.util.List.of(com.escalationanalyst.knowledge.SentenceEmbeddings.hash(
                "Ticket 21\nSync job drops the last page.")))).hasSize(1);
        // and its known-issue decision
        String decisionKey = knowledge.current().matchKey("Ticket 21\nSync job drops the last page.", "Billing");
        decisions.save(knowledge.current().fingerprint(), java.util.Map.of(decisionKey, ""));

        // the next run: 21 deleted in the helpdesk, 22 deleted without ever having been stored; the events go on from 1000
        stubTickets("cursor", "d1", "d2", "", "{\"id\":21,\"status\":\"deleted\",\"created_at\":\"2026-10-01T08:00:00Z\"}",
                "{\"id\":22,\"status\":\"deleted\",\"created_at\":\"2026-10-01T08:00:00Z\"}");
        helpdesk.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("1000")).atPriority(1)
                .willReturn(okJson(eventPage(1500, true))));
        String next = syncToTheEnd();
        assertThat(variable(next, SyncVariables.TICKETS_DELETED_AT_SOURCE)).isEqualTo(1L);
        assertThat(variable(next, SyncVariables.DELETED_TICKETS_NEVER_STORED)).isEqualTo(1L);
        assertThat(jdbc.queryForList("SELECT ticket_id FROM ticket", String.class)).containsExactly("23");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution WHERE ticket_id = '21'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_comment WHERE ticket_id = '21'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_source WHERE ticket_id = '21'", Integer.class)).isZero();
        assertThat(embeddingStore.find(java.util.List.of(com.escalationanalyst.knowledge.SentenceEmbeddings.hash(
                "Ticket 21\nSync job drops the last page.")))).isEmpty();
        decisions.forgetRecent();
        assertThat(decisions.find(java.util.List.of(decisionKey))).isEmpty();
        assertThat(notes(jdbc, "23")).isEqualTo("Works as designed.");
        // the event export asked for 0 once, then resumed at 1000 (4 failed tries, then the new run's one)
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("0")));
        helpdesk.verify(5, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("start_time", equalTo("1000")));
        assertThat(jdbc.queryForObject("SELECT cursor_value FROM ticket_sync_cursor WHERE feed = 'helpdesk-ticket-events'",
                String.class)).isEqualTo("1500");
    }

    static String notes(JdbcTemplate jdbc, String ticket) {
        java.util.List<String> notes = jdbc.query("SELECT resolution_notes FROM resolution WHERE ticket_id = ?",
                (rs, n) -> rs.getString(1), ticket);
        return notes.isEmpty() ? null : notes.get(0);
    }

    static Instant escalatedAt(JdbcTemplate jdbc, String ticket) {
        java.time.OffsetDateTime at = jdbc.queryForObject("SELECT escalated_at FROM ticket WHERE ticket_id = ?",
                java.time.OffsetDateTime.class, ticket);
        return at == null ? null : at.toInstant();
    }

    Job job(String instance) {
        return ProcessState.onlyJob(managementService, instance);
    }

    Object variable(String instance, String name) {
        return ProcessState.variable(historyService, instance, name);
    }

    static String cursor(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT cursor_value FROM ticket_sync_cursor WHERE feed = 'helpdesk-tickets'", String.class);
    }

    private double failedJobs() {
        return meters.find("escalation.jobs.failed").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}

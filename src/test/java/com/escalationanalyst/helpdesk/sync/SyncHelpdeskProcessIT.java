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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
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
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

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
        var started = new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = Api.json(started).get("processInstanceId").asText();

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
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(jdbc.queryForList("SELECT ticket_id FROM ticket ORDER BY ticket_id", String.class))
                .containsExactly("1", "2", "3", "4", "6");
        assertThat(cursor(jdbc)).isEqualTo("c4");
        assertThat(variable(instance, SyncVariables.PAGES_FETCHED)).isEqualTo(4L);
        assertThat(variable(instance, SyncVariables.TICKETS_UPSERTED)).isEqualTo(6L); // 2 + 2 + 1 + 1, ticket 2 twice
        assertThat(variable(instance, SyncVariables.TICKETS_DELETED_AT_SOURCE)).isEqualTo(1L);

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
        managementService.executeJob(job(later).getId());
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("start_time", equalTo("0")));
        helpdesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)).withQueryParam("cursor", equalTo("c4")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Integer.class)).isEqualTo(5);

        // the helpdesk unreachable: retries, an incident, the cursor and the store unchanged
        helpdesk.stop();
        String down = Api.json(new Api(port).post("/api/sync/helpdesk", "application/json", new byte[0]))
                .get("processInstanceId").asText();
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

    Job job(String instance) {
        return ProcessState.onlyJob(managementService, instance);
    }

    Object variable(String instance, String name) {
        return ProcessState.variable(historyService, instance, name);
    }

    static String cursor(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT cursor_value FROM ticket_sync_cursor WHERE feed = 'helpdesk-tickets'", String.class);
    }
}

package com.escalationanalyst.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TestUsers;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every run is kept and found again: API, Tasklist and report runs, with who ran them, their inputs and answer,
 * filters and pages. Fixture: {@link TicketFixtures#threeMonths()} has 10 tickets in September 2026 (T-6 … T-15),
 * of which T-6, T-9, T-12 and T-15 are escalated (every third); Billing holds the odd ones, 5 tickets, 2 escalated.
 */
@IntegrationTest
class AnalysesArchiveIT {

    static final String PASSWORD = "analyst-" + java.util.UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AnalysisArchive archive;

    Api admin;
    Api analyst;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        jdbc = new JdbcTemplate(dataSource);
        TestStores.empty(dataSource);
        jdbc.update("DELETE FROM analysis_run");
        TestUsers.ensure(identityService, "analyst2", PASSWORD, "escalation-analysts");
        analyst = new Api(port, "analyst2", PASSWORD);
        assertThat(admin.post("/api/import/tickets", "text/csv", TicketFixtures.threeMonths().bytes()).statusCode())
                .isEqualTo(200);
    }

    static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void apiRunsAreListedNewestFirstWithTheirAnswerAndFilters() {
        HttpResponse<String> patterns = analyst.post("/api/analyses/escalation-patterns", "application/json",
                body("{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\"}"));
        assertThat(patterns.statusCode()).as(patterns.body()).isEqualTo(200);
        HttpResponse<String> billing = admin.post("/api/analyses/escalation-patterns", "application/json",
                body("{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\",\"productArea\":\"Billing\"}"));
        assertThat(billing.statusCode()).as(billing.body()).isEqualTo(200);
        HttpResponse<String> segments = analyst.post("/api/analyses/segment-rates", "application/json",
                body("{\"period\":\"Q3 2026\",\"dimension\":\"tier\"}"));
        assertThat(segments.statusCode()).as(segments.body()).isEqualTo(200);

        JsonNode all = Api.json(analyst.get("/api/analyses"));
        assertThat(all.get("total").asLong()).isEqualTo(3);
        List<String> titles = new ArrayList<>();
        all.get("runs").forEach(r -> titles.add(r.get("title").asText()));
        assertThat(titles).containsExactly("Escalation rates by tier: 1 Jul – 30 Sep 2026",
                "Escalation patterns for Billing: 1 Sep – 30 Sep 2026", "Escalation patterns: 1 Sep – 30 Sep 2026");
        JsonNode newest = all.get("runs").get(0);
        assertThat(newest.get("skill").asText()).isEqualTo("segment-rates");
        assertThat(newest.get("startedBy").asText()).isEqualTo("analyst2");
        assertThat(newest.get("source").asText()).isEqualTo("api");
        assertThat(newest.get("id").asText()).isEqualTo(Api.json(segments).get("processInstanceId").asText());

        // the kept answer is the answer the API gave
        String id = Api.json(patterns).get("processInstanceId").asText();
        HttpResponse<String> one = analyst.get("/api/analyses/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Api.json(one).get("result")).isEqualTo(Api.json(patterns));
        assertThat(Api.json(one).get("inputs")).isEqualTo(Api.json(
                admin.get("/api/analyses/" + id)).get("inputs"));
        assertThat(Api.json(one).get("inputs").get("from").asText()).isEqualTo("2026-09-01");
        assertThat(Api.json(one).get("result").get("escalatedTickets").asLong()).isEqualTo(4);

        assertThat(ids(analyst.get("/api/analyses?skill=escalation-patterns"))).hasSize(2);
        assertThat(ids(analyst.get("/api/analyses?user=admin")))
                .containsExactly(Api.json(billing).get("processInstanceId").asText());
        String today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString();
        String tomorrow = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().plusDays(1).toString();
        assertThat(ids(analyst.get("/api/analyses?from=" + today + "&to=" + today))).hasSize(3);
        assertThat(ids(analyst.get("/api/analyses?from=" + tomorrow))).isEmpty();
        // pages of one: the second newest on page 1
        JsonNode second = Api.json(analyst.get("/api/analyses?size=1&page=1"));
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("runs")).hasSize(1);
        assertThat(second.get("runs").get(0).get("id").asText()).isEqualTo(Api.json(billing).get("processInstanceId").asText());

        assertRefused(analyst.get("/api/analyses?skill=weather"), "skill");
        assertRefused(analyst.get("/api/analyses?from=1.9.2026"), "from");
        assertRefused(analyst.get("/api/analyses?from=2026-09-02&to=2026-09-01"), "to");
        assertRefused(analyst.get("/api/analyses?size=0"), "size");
        assertThat(analyst.get("/api/analyses/no-such-run").statusCode()).isEqualTo(404);
        assertThat(analyst.getAnonymous("/api/analyses").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesListRunsAndShowOneWithItsTable() throws Exception {
        HttpResponse<String> patterns = analyst.post("/api/analyses/escalation-patterns", "application/json",
                body("{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\"}"));
        String id = Api.json(patterns).get("processInstanceId").asText();

        HttpResponse<String> list = analyst.get("/analyses");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Escalation patterns: 1 Sep – 30 Sep 2026", "/analyses/" + id, "analyst2");
        HttpResponse<String> page = analyst.get("/analyses/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        // 10 tickets in September, 4 escalated: 40.00 %
        assertThat(page.body()).contains("10 tickets, 4 escalated (40.00 %)");
        // one root cause in the fixture (BUG-CONFIRMED), all 4 escalations
        assertThat(page.body()).contains(">4</a></td>", "<span>100.00 %</span>");
        assertThat(page.body()).contains("/analyses/" + id + "/chart.png");
        java.net.http.HttpResponse<byte[]> chart = analyst.getBytes("/analyses/" + id + "/chart.png");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        // one root cause: 40 + 1 × 28 + 16 px high
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(chart.body())).getHeight()).isEqualTo(84);
        assertThat(analyst.get("/analyses?skill=segment-rates").body()).contains("id=\"no-runs\"");
        assertThat(analyst.get("/analyses?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(analyst.getAnonymous("/analyses").statusCode()).isNotEqualTo(200);
    }

    @Test
    void aTasklistRunIsKeptBeforeItsReviewAndTheFormLinksToIt() {
        identityService.setAuthentication("analyst2", List.of("escalation-analysts"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(ProcessIds.ANALYZE_ESCALATION_PATTERNS,
                    Map.of("from", "2026-09-01", "to", "2026-09-30", "productArea", "Billing"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getAssignee())
                .isEqualTo("analyst2");
        ArchivedRun kept = archive.find(instance.getId()).orElseThrow();
        assertThat(kept.source()).isEqualTo("tasklist");
        assertThat(kept.startedBy()).isEqualTo("analyst2");
        assertThat(kept.title()).isEqualTo("Escalation patterns for Billing: 1 Sep – 30 Sep 2026");
        assertThat(runtimeService.getVariable(instance.getId(), "archiveLink")).isEqualTo("/analyses/" + instance.getId());
        // Billing in September: T-7, T-9, T-11, T-13, T-15; escalated T-9 and T-15, each 150 minutes after it was
        // created (created 09:15Z, escalated 07:45-04:00 = 11:45Z)
        assertThat(runtimeService.getVariable(instance.getId(), "headline"))
                .isEqualTo("5 tickets, 2 escalated (40.00 %); mean time to escalation 2.50 h");
        assertThat(runtimeService.getVariable(instance.getId(), "unmappedCodesText"))
                .isEqualTo("Every reason code maps to a root cause.");
        assertThat(analyst.get("/analyses/" + instance.getId()).body()).contains("5 tickets, 2 escalated (40.00 %)");
    }

    @Test
    void aReportRunPointsToItsReportAndOldRunsAreForgotten() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        archive.keep(new ArchivedRun("old-run", ArchivedRun.PATTERNS, "older than a year", "someone", "api",
                now.minusDays(366), "{}", "{}", null, null));
        archive.keep(new ArchivedRun("recent-run", ArchivedRun.PATTERNS, "within the year", "someone", "api",
                now.minusDays(364), "{}", "{}", null, null));

        HttpResponse<String> report = admin.post("/api/reports/monthly", "application/json",
                body("{\"month\":\"2026-10\",\"send\":false}"));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        String reportId = Api.json(report).get("reportId").asText();

        JsonNode runs = Api.json(admin.get("/api/analyses?skill=monthly-report")).get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("title").asText()).isEqualTo("Monthly report, October 2026 (preview, not sent)");
        assertThat(runs.get(0).get("report").asText()).isEqualTo("/reports/" + reportId);
        assertThat(runs.get(0).get("startedBy").asText()).isEqualTo("admin");
        assertThat(admin.get(runs.get(0).get("page").asText()).body()).contains("/reports/" + reportId);

        assertThat(archive.find("old-run")).isEmpty();
        assertThat(archive.find("recent-run")).isPresent();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Api.json(response).get("runs").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Api.json(response).get("field").asText()).isEqualTo(field);
    }
}

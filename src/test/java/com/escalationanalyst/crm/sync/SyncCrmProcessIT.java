package com.escalationanalyst.crm.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The CRM sync against WireMock serving a HubSpot-style companies search: two pages (the first after a
 * 500), unknown properties, a company without an account id, a malformed revenue (incident, then fixed),
 * and a second run asking only for companies modified since the first run started.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "CRM_API_TOKEN=" + SyncCrmProcessIT.TOKEN,
    "escalation.sync.crm.page-size=2",
    "escalation.sync.crm.properties.account-id=zendesk_organization_id",
    "escalation.sync.crm.properties.segment=customer_segment"})
class SyncCrmProcessIT {

    static final String TOKEN = "crm-token-51c0";
    static final String SEARCH = "/crm/v3/objects/companies/search";
    static final WireMockServer crm = ProcessState.loopbackWireMock();

    @DynamicPropertySource
    static void baseUrl(DynamicPropertyRegistry registry) {
        registry.add("escalation.sync.crm.base-url", () -> "http://127.0.0.1:" + crm.port());
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
        crm.stop();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static String company(String id, String orgId, String name, String segment, String arr) {
        return """
                {"id":"%s","properties":{"hs_object_id":"%s","zendesk_organization_id":%s,"name":"%s",
                 "customer_segment":%s,"tier":"Gold","region":"EMEA","industry":"SaaS","annualrevenue":"%s",
                 "favourite_colour":"teal"},"createdAt":"2025-01-01T00:00:00Z","archived":false}"""
                .formatted(id, id, orgId == null ? "null" : "\"" + orgId + "\"", name,
                        segment == null ? "null" : "\"" + segment + "\"", arr);
    }

    @Test
    void twoPagesAServerErrorAMalformedPageAndAnIncrementalSecondRun() {
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM account_sync_cursor");
        crm.resetAll();
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(notContaining("\"after\""))
                .inScenario("first").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(notContaining("\"after\""))
                .inScenario("first").whenScenarioStateIs("up")
                .willReturn(okJson("{\"total\":4,\"results\":[" + company("11", "701", "Acme", "Enterprise", "1200000.50")
                        + "," + company("12", null, "No Org Ltd", "SMB", "1000") + "],"
                        + "\"paging\":{\"next\":{\"after\":\"2\",\"link\":\"?after=2\"}},\"unknownTopLevel\":1}")));
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(containing("\"after\":\"2\""))
                .willReturn(okJson("{\"total\":4,\"results\":[" + company("13", "703", "Beta", null, "lots") + "]}")));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
        String instance = Api.json(new Api(port).post("/api/sync/crm", "application/json", new byte[0]))
                .get("processInstanceId").asText();
        String first = job(instance).getId();
        assertThatThrownBy(() -> managementService.executeJob(first)).hasMessageContaining("HTTP 503");
        managementService.executeJob(job(instance).getId()); // page 1 after the retry
        assertThat(jdbc.queryForList("SELECT account_id FROM account", String.class)).containsExactly("701");

        Job malformed = job(instance);
        while (malformed.getRetries() > 0) {
            String id = malformed.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("after=2")
                    .hasMessageContaining("company 13").hasMessageContaining("annualrevenue");
            malformed = job(instance);
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_sync_cursor", Integer.class)).isZero();

        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(containing("\"after\":\"2\"")).atPriority(1)
                .willReturn(okJson("{\"total\":4,\"results\":[" + company("13", "703", "Beta", null, "250000") + "]}")));
        managementService.setJobRetries(malformed.getId(), 1);
        managementService.executeJob(malformed.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        List<Map<String, Object>> accounts = jdbc.queryForList(
                "SELECT account_id, name, segment, tier, region, industry, arr FROM account ORDER BY account_id");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).get("name")).isEqualTo("Acme");
        assertThat(accounts.get(0).get("segment")).isEqualTo("Enterprise");
        assertThat(accounts.get(0).get("tier")).isEqualTo("Gold");
        assertThat(accounts.get(0).get("region")).isEqualTo("EMEA");
        assertThat((BigDecimal) accounts.get(0).get("arr")).isEqualByComparingTo("1200000.50");
        assertThat(accounts.get(1).get("segment")).isEqualTo("unknown"); // Beta has no segment
        assertThat(variable(instance, SyncVariables.COMPANIES_UPSERTED)).isEqualTo(2L);
        assertThat(variable(instance, SyncVariables.COMPANIES_WITHOUT_ACCOUNT_ID)).isEqualTo(1L);
        assertThat(variable(instance, SyncVariables.PAGES_FETCHED)).isEqualTo(2L);
        crm.verify(postRequestedFor(urlPathEqualTo(SEARCH)).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("2"))));

        // the next run asks only for companies modified since the first run started, less the 10 minutes' margin
        // for the search index's lag (default escalation.sync.crm.modified-since-margin)
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(containing("hs_lastmodifieddate")).atPriority(1)
                .willReturn(okJson("{\"total\":0,\"results\":[]}")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T15:00:00Z")));
        String second = Api.json(new Api(port).post("/api/sync/crm", "application/json", new byte[0]))
                .get("processInstanceId").asText();
        managementService.executeJob(job(second).getId());
        crm.verify(postRequestedFor(urlPathEqualTo(SEARCH)).withRequestBody(matchingJsonPath(
                "$.filterGroups[0].filters[0].value", equalTo(Long.toString(Instant.parse("2026-11-02T08:50:00Z").toEpochMilli())))));
        assertThat(jdbc.queryForObject("SELECT cursor_value FROM account_sync_cursor WHERE feed = 'crm-companies'", String.class))
                .isEqualTo(Long.toString(Instant.parse("2026-11-02T15:00:00Z").toEpochMilli()));
    }

    @Test
    void aRateLimitWithoutRetryAfterBacksOffExponentiallyUpToACapAndStartsAgainAfterAnAnswer() {
        JdbcTemplate jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM account_sync_cursor");
        crm.resetAll();
        // the first page: eight 429s without Retry-After, then the page; the second page: one 429, then the page
        for (int i = 0; i < 8; i++) {
            crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(notContaining("\"after\""))
                    .inScenario("limited").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "429-" + i)
                    .willReturn(aResponse().withStatus(429)).willSetStateTo("429-" + (i + 1)));
        }
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(notContaining("\"after\""))
                .inScenario("limited").whenScenarioStateIs("429-8")
                .willReturn(okJson("{\"total\":2,\"results\":[" + company("21", "721", "Gamma", "SMB", "10") + "],"
                        + "\"paging\":{\"next\":{\"after\":\"1\"}}}")).willSetStateTo("page-2"));
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(containing("\"after\":\"1\""))
                .inScenario("limited").whenScenarioStateIs("page-2")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("page-2-allowed"));
        crm.stubFor(post(urlPathEqualTo(SEARCH)).withRequestBody(containing("\"after\":\"1\""))
                .inScenario("limited").whenScenarioStateIs("page-2-allowed")
                .willReturn(okJson("{\"total\":2,\"results\":[" + company("22", "722", "Delta", "SMB", "10") + "]}")));

        Instant now = Instant.parse("2026-11-03T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        String instance = Api.json(new Api(port).post("/api/sync/crm", "application/json", new byte[0]))
                .get("processInstanceId").asText();
        // 15 s doubled with every 429 in a row, at most 15 minutes (written down from the rule, not from the code)
        long[] expectedWaits = {15, 30, 60, 120, 240, 480, 900, 900};
        for (long expected : expectedWaits) {
            managementService.executeJob(job(instance).getId()); // a 429
            Job wait = job(instance);
            assertThat(wait.getDuedate().toInstant()).as("wait after a 429").isEqualTo(now.plusSeconds(expected));
            now = now.plusSeconds(expected);
            ClockUtil.setCurrentTime(Date.from(now));
            managementService.executeJob(wait.getId());
        }
        managementService.executeJob(job(instance).getId()); // page 1
        managementService.executeJob(job(instance).getId()); // a 429 again: the back-off starts over
        assertThat(job(instance).getDuedate().toInstant()).isEqualTo(now.plusSeconds(15));
        managementService.executeJob(job(instance).getId());
        managementService.executeJob(job(instance).getId()); // page 2
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(jdbc.queryForList("SELECT account_id FROM account ORDER BY account_id", String.class))
                .containsExactly("721", "722");
    }

    Job job(String instance) {
        return ProcessState.onlyJob(managementService, instance);
    }

    Object variable(String instance, String name) {
        return ProcessState.variable(historyService, instance, name);
    }
}

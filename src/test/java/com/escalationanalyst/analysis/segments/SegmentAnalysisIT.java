package com.escalationanalyst.analysis.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestCredentials;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The segment comparison end to end, with a CRM fixture that misses some accounts. Expected values
 * come from a second implementation of docs/design.md, "Metric definitions", written out in this test.
 */
@IntegrationTest
class SegmentAnalysisIT {

    /** account → segment, tier, region; ACC-9 and tickets without an account are unknown to the CRM. */
    static final Map<String, String[]> CRM = Map.of(
            "ACC-1", new String[] {"Enterprise", "Strategic", "EMEA"},
            "ACC-2", new String[] {"Enterprise", "Premium", "North America"},
            "ACC-3", new String[] {"SMB", "Standard", "North America"},
            "ACC-4", new String[] {"SMB", "", "APAC"});
    static final String[] ACCOUNTS = {"ACC-1", "ACC-2", "ACC-3", "ACC-4", "ACC-9", ""};
    static final double[] ESCALATION = {0.30, 0.12, 0.06, 0.05, 0.10, 0.10};
    static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");

    record T(Instant created, String account, boolean escalated) {
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    Api api;
    final List<T> tickets = new ArrayList<>();

    @BeforeEach
    void load() {
        api = new Api(port);
        BpmnAwareTests.init(processEngine);
        TestStores.empty(dataSource);
        Random random = new Random(7);
        Instant september = Instant.parse("2026-09-01T00:00:00Z");
        for (int i = 0; i < 900; i++) {
            int a = i < 20 ? 5 : random.nextInt(ACCOUNTS.length); // the first 20 have no account at all
            Instant created = i % 50 == 0 ? september.minusSeconds(3600) : september.plusSeconds(random.nextInt(30 * 86400));
            if (i % 45 == 0 && i % 50 != 0) {
                created = OCTOBER.plusSeconds(1800); // half an hour into October, just after the month's end
            }
            tickets.add(new T(created, ACCOUNTS[a], random.nextDouble() < ESCALATION[a]));
        }
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (int i = 0; i < tickets.size(); i++) {
            T t = tickets.get(i);
            csv.row("ticket_id", "S-" + i, "created_at", t.created().toString(), "status", "open", "priority", "normal",
                    "account_id", t.account(), "escalated", Boolean.toString(t.escalated()),
                    "escalated_at", t.escalated() ? t.created().plusSeconds(600).toString() : "");
        }
        assertThat(api.post("/api/import/tickets", "text/csv", csv.bytes()).statusCode()).isEqualTo(200);
        Csv accounts = new Csv(AccountCsvFormat.COLUMNS);
        CRM.forEach((id, a) -> accounts.row("account_id", id, "name", id, "segment", a[0], "tier", a[1], "region", a[2]));
        assertThat(api.post("/api/import/accounts", "text/csv", accounts.bytes()).statusCode()).isEqualTo(200);
    }

    /** erfc by its Taylor series (|x| < 3) or its continued fraction, to compare p-values independently. */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 3) {
            double sum = 0;
            double term = x;
            for (int n = 0; n < 60; n++) {
                sum += term / (2 * n + 1);
                term *= -x * x / (n + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        double fraction = 0;
        for (int k = 60; k >= 1; k--) {
            fraction = (k / 2.0) / (x + fraction);
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + fraction);
    }

    /** Per value: {tickets, escalated}, in September 2026. */
    Map<String, long[]> expectedCounts(Function<String[], String> dimension) {
        return expectedCounts(Instant.parse("2026-09-01T00:00:00Z"), OCTOBER, dimension);
    }

    /** Per value: {tickets, escalated} of the tickets created in [from, to). */
    Map<String, long[]> expectedCounts(Instant from, Instant to, Function<String[], String> dimension) {
        Map<String, long[]> counts = new TreeMap<>();
        for (T t : tickets) {
            if (t.created().isBefore(from) || !t.created().isBefore(to)) {
                continue;
            }
            String[] account = CRM.get(t.account());
            String value = account == null ? "unknown" : dimension.apply(account);
            long[] c = counts.computeIfAbsent(value, v -> new long[2]);
            c[0]++;
            c[1] += t.escalated() ? 1 : 0;
        }
        return counts;
    }

    void assertComparison(JsonNode result, Map<String, long[]> counts, int minTickets) {
        long total = counts.values().stream().mapToLong(c -> c[0]).sum();
        long escalated = counts.values().stream().mapToLong(c -> c[1]).sum();
        double overall = escalated * 100.0 / total;
        assertThat(result.get("totalTickets").asLong()).isEqualTo(total);
        assertThat(result.get("escalatedTickets").asLong()).isEqualTo(escalated);
        assertThat(result.get("overallRate").asDouble()).isCloseTo(overall, within(1e-9));
        long compared = counts.values().stream().filter(c -> c[0] >= minTickets && c[0] < total).count();
        assertThat(result.get("rows")).hasSize(counts.size());
        double previous = Double.MAX_VALUE;
        Map<String, JsonNode> byValue = new HashMap<>();
        for (JsonNode row : result.get("rows")) {
            assertThat(row.get("escalationRate").asDouble()).as("sorted by rate").isLessThanOrEqualTo(previous);
            previous = row.get("escalationRate").asDouble();
            byValue.put(row.get("value").asText(), row);
        }
        counts.forEach((value, c) -> {
            JsonNode row = byValue.get(value);
            assertThat(row).as(value).isNotNull();
            double rate = c[1] * 100.0 / c[0];
            assertThat(row.get("totalTickets").asLong()).isEqualTo(c[0]);
            assertThat(row.get("escalatedTickets").asLong()).isEqualTo(c[1]);
            assertThat(row.get("escalationRate").asDouble()).isCloseTo(rate, within(1e-9));
            assertThat(row.get("deviationPts").asDouble()).isCloseTo(rate - overall, within(1e-9));
            double p1 = (double) c[1] / c[0];
            double p2 = (double) (escalated - c[1]) / (total - c[0]);
            double pooled = (double) escalated / total;
            double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / c[0] + 1.0 / (total - c[0])));
            double p = 0.5 * erfc(z / Math.sqrt(2));
            assertThat(row.get("z").asDouble()).as(value).isCloseTo(z, within(1e-9));
            assertThat(row.get("pValue").asDouble()).as(value).isCloseTo(p, within(1e-9));
            double zc = 1.959963984540054;
            double d = 1 + zc * zc / c[0];
            double centre = (p1 + zc * zc / (2 * c[0])) / d;
            double half = zc * Math.sqrt(p1 * (1 - p1) / c[0] + zc * zc / (4.0 * c[0] * c[0])) / d;
            assertThat(row.get("ci95Low").asDouble()).isCloseTo((centre - half) * 100, within(1e-9));
            assertThat(row.get("ci95High").asDouble()).isCloseTo((centre + half) * 100, within(1e-9));
            boolean flagged = c[0] >= minTickets && p < 0.05 / compared;
            assertThat(row.get("significantlyAbove").asBoolean()).as(value + " p=" + p + " k=" + compared).isEqualTo(flagged);
        });
    }

    private HttpResponse<String> compare(String body) {
        return api.post("/api/analyses/segment-rates", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bySegmentTierRegionAndSegmentTimesTier() {
        JsonNode bySegment = Api.json(compare("{\"period\":\"2026-09\"}"));
        assertThat(bySegment.get("dimension").asText()).isEqualTo("segment");
        assertComparison(bySegment, expectedCounts(a -> a[0]), 30);
        assertThat(bySegment.get("rows").get(0).get("value").asText()).isEqualTo("Enterprise");
        assertThat(bySegment.get("rows").get(0).get("significantlyAbove").asBoolean()).isTrue();

        HttpResponse<String> tier = compare("{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\",\"dimension\":\"tier\"}");
        assertThat(tier.statusCode()).as(tier.body()).isEqualTo(200);
        assertComparison(Api.json(tier), expectedCounts(a -> a[1].isEmpty() ? "(none)" : a[1]), 30);

        assertComparison(Api.json(compare("{\"period\":\"2026-09\",\"dimension\":\"region\"}")),
                expectedCounts(a -> a[2]), 30);
        JsonNode pairs = Api.json(compare("{\"period\":\"2026-09\",\"dimension\":\"segment×tier\"}"));
        assertThat(pairs.get("dimension").asText()).isEqualTo("segment×tier");
        assertComparison(pairs, expectedCounts(a -> a[0] + " × " + (a[1].isEmpty() ? "(none)" : a[1])), 30);
        assertThat(pairs.get("processInstanceId").asText()).isNotBlank();
    }

    /**
     * A period of a whole month with a day on each side: on PostgreSQL the month comes from the month rollup and the
     * two days from the tickets, and an account with tickets in more than one part must be counted once, all added up.
     */
    @Test
    void aPeriodWithPartOfAMonthAtEachEndCountsEveryTicketOnce() {
        Instant from = Instant.parse("2026-08-31T00:00:00Z");
        Instant to = Instant.parse("2026-10-02T00:00:00Z");
        long edges = tickets.stream().filter(t -> !t.created().isBefore(from) && t.created().isBefore(to))
                .filter(t -> t.created().isBefore(Instant.parse("2026-09-01T00:00:00Z")) || !t.created().isBefore(OCTOBER))
                .count();
        assertThat(edges).as("tickets on the two edge days").isGreaterThan(30);
        HttpResponse<String> bySegment = compare("{\"from\":\"2026-08-31\",\"to\":\"2026-10-01\"}");
        assertThat(bySegment.statusCode()).as(bySegment.body()).isEqualTo(200);
        assertComparison(Api.json(bySegment), expectedCounts(from, to, a -> a[0]), 30);
        HttpResponse<String> byTier = compare("{\"from\":\"2026-08-31\",\"to\":\"2026-10-01\",\"dimension\":\"tier\"}");
        assertComparison(Api.json(byTier), expectedCounts(from, to, a -> a[1].isEmpty() ? "(none)" : a[1]), 30);
    }

    @Test
    void badDimensionOrPeriodNamesTheField() {
        HttpResponse<String> dimension = compare("{\"period\":\"last quarter\",\"dimension\":\"planet\"}");
        assertThat(dimension.statusCode()).isEqualTo(400);
        assertThat(Api.json(dimension).get("field").asText()).isEqualTo("dimension");
        assertThat(Api.json(dimension).get("detail").asText()).contains("segment, tier, region, segment×tier");
        HttpResponse<String> period = compare("{\"period\":\"soon\",\"dimension\":\"tier\"}");
        assertThat(Api.json(period).get("field").asText()).isEqualTo("period");
        // a segment comparison has no segment filter: refused, not ignored
        HttpResponse<String> segment = compare("{\"period\":\"2026-09\",\"segment\":\"SMB\"}");
        assertThat(segment.statusCode()).isEqualTo(400);
        assertThat(Api.json(segment).get("field").asText()).isEqualTo("segment");
    }

    @Test
    void aTasklistRunWaitsForItsInitiatorWithTheTable() {
        // as Tasklist starts it: the user with their groups, under Camunda authorization
        processEngine.getIdentityService().setAuthentication(TestCredentials.ADMIN, List.of("escalation-analysts"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey("CompareSegmentEscalationRatesProcess",
                    Map.of("period", "2026-09", "dimension", "segment"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(instance).isWaitingAt("Task_ReviewSegmentRates").hasPassed("Task_PullTicketTotalsByAccount",
                "Task_LookUpCustomerSegments", "Task_ComputeSegmentRates", "Task_BuildComparisonTable");
        assertThat(task(instance)).isAssignedTo(TestCredentials.ADMIN);
        // per-account totals were transient: nothing of them is stored
        assertThat(runtimeService.getVariable(instance.getId(), "accountTotals")).isNull();
        assertThat(runtimeService.getVariable(instance.getId(), "summaryTable").toString()).contains("▲ Enterprise");
        taskService.complete(task(instance).getId());
        assertThat(instance).isEnded();
    }
}

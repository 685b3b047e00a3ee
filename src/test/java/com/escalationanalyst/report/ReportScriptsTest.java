package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.testsupport.JythonScript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** trend_analysis.py and cost_impact.py on Jython, with fixtures worked out by hand in the comments. */
class ReportScriptsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Runs the script on fixtures written compactly as {months, totals, byRootCause: {cause: [counts]}}:
     * each month becomes the figures object a query task writes (a cause with 0 escalations is left out,
     * as the query leaves it out), the last month the report month, the one before it the previous month.
     */
    static JsonNode trend(String counts) throws Exception {
        JsonNode c = JSON.readTree(counts);
        ArrayNode months = JSON.createArrayNode();
        for (int i = 0; i < c.get("months").size(); i++) {
            ObjectNode month = months.addObject();
            month.put("month", c.get("months").get(i).asText());
            month.put("totalTickets", c.get("totals").get(i).get("totalTickets").asLong());
            month.put("escalatedTickets", c.get("totals").get(i).get("escalatedTickets").asLong());
            ObjectNode causes = month.putObject("byRootCause");
            int index = i;
            c.get("byRootCause").fields().forEachRemaining(e -> {
                long n = e.getValue().get(index).asLong();
                if (n > 0) {
                    causes.putObject(e.getKey()).put("escalations", n);
                }
            });
        }
        int last = months.size() - 1;
        ArrayNode trailing = JSON.createArrayNode();
        for (int i = 0; i < last - 1; i++) {
            trailing.add(months.get(i));
        }
        Map<String, Object> out = JythonScript.run("trend_analysis.py", Map.of(
                "reportMonthFigures", months.get(last).toString(),
                "previousMonthFigures", months.get(last - 1).toString(),
                "trailingMonthFigures", trailing.toString()));
        return JSON.readTree(out.get("trend").toString());
    }

    static JsonNode cause(JsonNode trend, String name) {
        for (JsonNode c : trend.get("rootCauses")) {
            if (c.get("rootCause").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name);
    }

    static final String SIX_MONTHS = """
            {"months":["2026-05","2026-06","2026-07","2026-08","2026-09","2026-10"],
             "totals":[{"totalTickets":1000,"escalatedTickets":80},{"totalTickets":1000,"escalatedTickets":90},
                       {"totalTickets":1000,"escalatedTickets":70},{"totalTickets":1000,"escalatedTickets":60},
                       {"totalTickets":1000,"escalatedTickets":63},{"totalTickets":1100,"escalatedTickets":88}],
             "byRootCause":{"product_bug":[10,12,11,10,12,30],
                            "training_gap":[40,35,30,25,20,15],
                            "policy_gap":[0,0,0,0,0,4],
                            "documentation_gap":[5,5,5,4,4,6],
                            "process_failure":[3,2,1,5,6,7]}}""";

    @Test
    void monthOverMonthMovingAverageAndTheIncreasingRule() throws Exception {
        JsonNode t = trend(SIX_MONTHS);
        assertThat(t.get("month").asText()).isEqualTo("2026-10");
        assertThat(t.get("previousMonth").asText()).isEqualTo("2026-09");
        // October 88/1100 = 8 %, September 63/1000 = 6.3 %: up 1.7 points; escalations 63 -> 88 = +39.68 %
        JsonNode overall = t.get("overall");
        assertThat(overall.get("rate").asDouble()).isCloseTo(8.0, within(1e-9));
        assertThat(overall.get("previousRate").asDouble()).isCloseTo(6.3, within(1e-9));
        assertThat(overall.get("changePts").asDouble()).isCloseTo(1.7, within(1e-9));
        assertThat(overall.get("direction").asText()).isEqualTo("up");
        assertThat(overall.get("momChangePct").asDouble()).isCloseTo(25 * 100.0 / 63, within(1e-9));
        // rate moving average in October: (6.0 + 6.3 + 8.0) / 3; none before July
        JsonNode series = t.get("rateSeries");
        assertThat(series.get(5).get("movingAverage3").asDouble()).isCloseTo(20.3 / 3, within(1e-9));
        assertThat(series.get(1).get("movingAverage3").isNull()).isTrue();
        assertThat(series.get(2).get("movingAverage3").asDouble()).isCloseTo((8.0 + 9.0 + 7.0) / 3, within(1e-9));

        // product bugs 12 -> 30: +150 %, 3-month average (10 + 12 + 30) / 3, and increasing (30 > 12, >= 5, > 11)
        JsonNode bugs = cause(t, "product_bug");
        assertThat(bugs.get("momChangePct").asDouble()).isCloseTo(150.0, within(1e-9));
        assertThat(bugs.get("movingAverage3").asDouble()).isCloseTo(52.0 / 3, within(1e-9));
        assertThat(bugs.get("increasing").asBoolean()).isTrue();
        // training gaps fall every month: -25 %, not increasing
        JsonNode training = cause(t, "training_gap");
        assertThat(training.get("momChangePct").asDouble()).isCloseTo(-25.0, within(1e-9));
        assertThat(training.get("momLabel").asText()).isEqualTo("down");
        assertThat(training.get("increasing").asBoolean()).isFalse();
        // policy gaps 0 -> 4: no percentage, labelled "new"; 4 < 5 so not increasing
        JsonNode policy = cause(t, "policy_gap");
        assertThat(policy.get("momChangePct").isNull()).isTrue();
        assertThat(policy.get("momLabel").asText()).isEqualTo("new");
        assertThat(policy.get("increasing").asBoolean()).isFalse();
        // documentation gaps 4 -> 6, >= 5 and above the mean of the three months before (5 + 4 + 4) / 3
        assertThat(cause(t, "documentation_gap").get("increasing").asBoolean()).isTrue();
        // process failures 6 -> 7, >= 5, mean of the three before (1 + 5 + 6) / 3 = 4: increasing
        assertThat(cause(t, "process_failure").get("increasing").asBoolean()).isTrue();
        // ordered by this month's count
        assertThat(t.get("rootCauses").get(0).get("rootCause").asText()).isEqualTo("product_bug");
    }

    @Test
    void aRiseThatIsNotAboveTheThreeMonthsBeforeIsNotIncreasing() throws Exception {
        // 20 -> 22 is up and >= 5, but the three months before average (30 + 25 + 20) / 3 = 25 > 22
        JsonNode t = trend("""
                {"months":["2026-06","2026-07","2026-08","2026-09","2026-10"],
                 "totals":[{"totalTickets":100,"escalatedTickets":10},{"totalTickets":100,"escalatedTickets":10},
                           {"totalTickets":100,"escalatedTickets":10},{"totalTickets":100,"escalatedTickets":10},
                           {"totalTickets":100,"escalatedTickets":10}],
                 "byRootCause":{"product_bug":[40,30,25,20,22]}}""");
        assertThat(cause(t, "product_bug").get("increasing").asBoolean()).isFalse();
        assertThat(t.get("overall").get("direction").asText()).isEqualTo("flat");
    }

    @Test
    void costPerRootCauseAndInTotal() throws Exception {
        // product_bug: 30 escalations, mean 3000/25 = 120 min = 2 h -> 30 * 2 * 42.5 = 2,550.00
        // training_gap: 15 escalations, mean 900/15 = 60 min = 1 h -> 15 * 1 * 42.5 = 637.50
        // policy_gap: no handle times -> no cost; total 3,187.50
        Map<String, Object> out = JythonScript.run("cost_impact.py", Map.of(
                "reportMonthFigures", """
                        {"byRootCause":{"product_bug":{"escalations":30,"handleMinutesSum":3000,"handleMinutesCount":25},
                                        "training_gap":{"escalations":15,"handleMinutesSum":900,"handleMinutesCount":15},
                                        "policy_gap":{"escalations":4,"handleMinutesSum":0,"handleMinutesCount":0}}}""",
                "agentCostPerHour", 42.5, "currency", "USD"));
        JsonNode cost = new ObjectMapper().readTree(out.get("costImpact").toString());
        assertThat(cost.get("total").asDouble()).isCloseTo(3187.5, within(1e-9));
        assertThat(cost.get("currency").asText()).isEqualTo("USD");
        assertThat(cost.get("rootCauses").get(0).get("rootCause").asText()).isEqualTo("product_bug");
        assertThat(cost.get("rootCauses").get(0).get("cost").asDouble()).isCloseTo(2550.0, within(1e-9));
        assertThat(cost.get("rootCauses").get(0).get("avgHandleMinutes").asDouble()).isCloseTo(120.0, within(1e-9));
        assertThat(cost.get("rootCauses").get(1).get("cost").asDouble()).isCloseTo(637.5, within(1e-9));
        assertThat(cost.get("rootCauses").get(2).get("cost").isNull()).isTrue();
    }

    @Test
    void aMonthWithoutTicketsHasNoRateAndNoMovingAverageAcrossIt() throws Exception {
        // July has no tickets: no rate; the moving averages of July, August and September include it and are
        // none; October's window (August, September, October) is whole: (10 + 5 + 8) / 3
        JsonNode t = trend("""
                {"months":["2026-05","2026-06","2026-07","2026-08","2026-09","2026-10"],
                 "totals":[{"totalTickets":100,"escalatedTickets":10},{"totalTickets":100,"escalatedTickets":10},
                           {"totalTickets":0,"escalatedTickets":0},{"totalTickets":100,"escalatedTickets":10},
                           {"totalTickets":200,"escalatedTickets":10},{"totalTickets":50,"escalatedTickets":4}],
                 "byRootCause":{"product_bug":[10,10,0,10,10,4]}}""");
        JsonNode series = t.get("rateSeries");
        assertThat(series.get(2).get("rate").isNull()).isTrue();
        assertThat(series.get(3).get("movingAverage3").isNull()).isTrue();
        assertThat(series.get(4).get("movingAverage3").isNull()).isTrue();
        assertThat(series.get(5).get("movingAverage3").asDouble()).isCloseTo(23.0 / 3, within(1e-9));
        // 10/200 = 5 % -> 4/50 = 8 %: up 3 points although escalations fell from 10 to 4 (-60 %)
        assertThat(t.get("overall").get("changePts").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(t.get("overall").get("direction").asText()).isEqualTo("up");
        assertThat(t.get("overall").get("momChangePct").asDouble()).isCloseTo(-60.0, within(1e-9));
    }
}

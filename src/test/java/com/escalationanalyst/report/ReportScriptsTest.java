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
        return trend(counts, 0.10);
    }

    /** As above with the default significance level (0.05) and smoothing (0.5) and the given material change. */
    static JsonNode trend(String counts, double materialChange) throws Exception {
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
                "trailingMonthFigures", trailing.toString(),
                "trendRules", "{\"significanceLevel\":0.05,\"materialChange\":" + materialChange + ",\"smoothing\":0.5}"));
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
    void monthOverMonthMovingAverageAndSignificantTrends() throws Exception {
        JsonNode t = trend(SIX_MONTHS);
        assertThat(t.get("month").asText()).isEqualTo("2026-10");
        assertThat(t.get("previousMonth").asText()).isEqualTo("2026-09");
        // October 88/1100 = 8 %, September 63/1000 = 6.3 %: up 1.7 points; escalations 63 -> 88 = +39.68 %
        JsonNode overall = t.get("overall");
        assertThat(overall.get("rate").asDouble()).isCloseTo(8.0, within(1e-9));
        assertThat(overall.get("previousRate").asDouble()).isCloseTo(6.3, within(1e-9));
        assertThat(overall.get("changePts").asDouble()).isCloseTo(1.7, within(1e-9));
        // two-proportion z-test: pooled 151/2100, z = 0.017 / sqrt(pooled (1 - pooled) (1/1100 + 1/1000)) = 1.5061,
        // p = erfc(1.5061 / sqrt 2) = 0.13204: not significant, so "stable" although the rate rose 1.7 points
        assertThat(overall.get("pValue").asDouble()).isCloseTo(0.13204, within(1e-5));
        assertThat(overall.get("direction").asText()).isEqualTo("stable");
        assertThat(overall.get("momChangePct").asDouble()).isCloseTo(25 * 100.0 / 63, within(1e-9));
        // rate moving average in October: (6.0 + 6.3 + 8.0) / 3; none before July
        JsonNode series = t.get("rateSeries");
        assertThat(series.get(5).get("movingAverage3").asDouble()).isCloseTo(20.3 / 3, within(1e-9));
        assertThat(series.get(1).get("movingAverage3").isNull()).isTrue();
        assertThat(series.get(2).get("movingAverage3").asDouble()).isCloseTo((8.0 + 9.0 + 7.0) / 3, within(1e-9));

        // Conditional binomial test, x1 of x1 + x0 with p = 1100 / 2100; p-values summed exactly with fractions:
        // product bugs 12 -> 30: +150 %, 3-month average (10 + 12 + 30) / 3; p = 0.018779 < 0.05 and the rate per
        // ticket rose from 1.2 % to 2.73 % (+127 %, above 10 %): increasing
        JsonNode bugs = cause(t, "product_bug");
        assertThat(bugs.get("momChangePct").asDouble()).isCloseTo(150.0, within(1e-9));
        assertThat(bugs.get("movingAverage3").asDouble()).isCloseTo(52.0 / 3, within(1e-9));
        assertThat(bugs.get("pValue").asDouble()).isCloseTo(0.018779, within(1e-6));
        assertThat(bugs.get("direction").asText()).isEqualTo("increasing");
        assertThat(bugs.get("increasing").asBoolean()).isTrue();
        // training gaps 20 -> 15: -25 %, p = 0.33761: stable
        JsonNode training = cause(t, "training_gap");
        assertThat(training.get("momChangePct").asDouble()).isCloseTo(-25.0, within(1e-9));
        assertThat(training.get("momLabel").asText()).isEqualTo("down");
        assertThat(training.get("pValue").asDouble()).isCloseTo(0.33761, within(1e-5));
        assertThat(training.get("direction").asText()).isEqualTo("stable");
        // policy gaps 0 -> 4: no percentage, labelled "new"; p = 2 x (1100/2100)^4 = 0.15056: too few to call it
        JsonNode policy = cause(t, "policy_gap");
        assertThat(policy.get("momChangePct").isNull()).isTrue();
        assertThat(policy.get("momLabel").asText()).isEqualTo("new");
        assertThat(policy.get("pValue").asDouble()).isCloseTo(0.15056, within(1e-5));
        assertThat(policy.get("direction").asText()).isEqualTo("stable");
        // documentation gaps 4 -> 6 (p = 0.87352) and process failures 6 -> 7 (twice the tail exceeds 1: p = 1)
        assertThat(cause(t, "documentation_gap").get("pValue").asDouble()).isCloseTo(0.87352, within(1e-5));
        assertThat(cause(t, "documentation_gap").get("direction").asText()).isEqualTo("stable");
        assertThat(cause(t, "process_failure").get("pValue").asDouble()).isEqualTo(1.0);
        assertThat(cause(t, "process_failure").get("increasing").asBoolean()).isFalse();
        // forecast of November by exponential smoothing (0.5) of 8, 9, 7, 6, 6.3, 8: level 8 -> 8.5 -> 7.75 -> 6.875
        // -> 6.5875 -> 7.29375; one-step errors 1, -1.5, -1.75, -0.575, 1.4125, squares summing to 8.63828125,
        // RMS sqrt(8.63828125 / 5) = 1.31440, interval 7.29375 -/+ 1.96 x 1.31440 = 4.71752 .. 9.86998
        JsonNode forecast = t.get("forecast");
        assertThat(forecast.get("month").asText()).isEqualTo("2026-11");
        assertThat(forecast.get("rate").asDouble()).isCloseTo(7.29375, within(1e-9));
        assertThat(forecast.get("low").asDouble()).isCloseTo(4.71752, within(1e-5));
        assertThat(forecast.get("high").asDouble()).isCloseTo(9.86998, within(1e-5));
        assertThat(forecast.get("months").asInt()).isEqualTo(6);
        // ordered by this month's count
        assertThat(t.get("rootCauses").get(0).get("rootCause").asText()).isEqualTo("product_bug");
    }

    /** Two months of 1,000 tickets each (equal volume: p = 1/2) with the given escalations of one cause. */
    static JsonNode twoMonths(long total, long previous, long now, double materialChange) throws Exception {
        return trend("""
                {"months":["2026-09","2026-10"],
                 "totals":[{"totalTickets":%d,"escalatedTickets":%d},{"totalTickets":%d,"escalatedTickets":%d}],
                 "byRootCause":{"product_bug":[%d,%d]}}""".formatted(total, previous, total, now, previous, now),
                materialChange);
    }

    @Test
    void smallCountsAreTestedExactly() throws Exception {
        // 1 -> 3 of equal volume: Binomial(4, 1/2), P(X >= 3) = 5/16, p = 10/16 = 0.625: stable
        JsonNode t = twoMonths(1000, 1, 3, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isCloseTo(0.625, within(1e-12));
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("stable");
        // 2 -> 12: P(X >= 12 of 14) = (91 + 14 + 1) / 16384, p = 212/16384 = 0.012939...: increasing
        t = twoMonths(1000, 2, 12, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isCloseTo(212.0 / 16384, within(1e-12));
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("increasing");
        // 12 -> 2: the same p-value the other way: decreasing
        t = twoMonths(1000, 12, 2, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isCloseTo(212.0 / 16384, within(1e-12));
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("decreasing");
        // 0 -> 10: P(X = 10 of 10) = 1/1024, p = 1/512: increasing, labelled "new" for the change
        t = twoMonths(1000, 0, 10, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isCloseTo(1.0 / 512, within(1e-12));
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("increasing");
        assertThat(cause(t, "product_bug").get("momLabel").asText()).isEqualTo("new");
    }

    @Test
    void oneTicketInSeventyFiveIsNotATrend() throws Exception {
        // 75 -> 76 of equal volume: twice the upper tail of Binomial(151, 1/2) exceeds 1, p = 1
        JsonNode t = twoMonths(1000, 75, 76, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isEqualTo(1.0);
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("stable");
        assertThat(cause(t, "product_bug").get("increasing").asBoolean()).isFalse();
    }

    @Test
    void aSignificantButSmallChangeIsStableUnlessTheMaterialChangeAllowsIt() throws Exception {
        // 10,000 -> 10,500 of 1,000,000 tickets each: p = 0.00049154 (exact sum), far below 0.05, but the rate
        // rose 5 %: stable with a 10 % material change, increasing with 4 %
        JsonNode t = twoMonths(1_000_000, 10_000, 10_500, 0.10);
        assertThat(cause(t, "product_bug").get("pValue").asDouble()).isCloseTo(0.00049154, within(1e-8));
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("stable");
        assertThat(cause(t, "product_bug").get("increasing").asBoolean()).isFalse();
        t = twoMonths(1_000_000, 10_000, 10_500, 0.04);
        assertThat(cause(t, "product_bug").get("direction").asText()).isEqualTo("increasing");
        // the overall rate alike: 1.00 % -> 1.05 %, z-test p far below 0.05, "up" only with the 4 % rule
        assertThat(t.get("overall").get("direction").asText()).isEqualTo("up");
        assertThat(twoMonths(1_000_000, 10_000, 10_500, 0.10).get("overall").get("direction").asText()).isEqualTo("stable");
    }

    @Test
    void theForecastOfAShortSeriesAndItsIntervalClippedAtZero() throws Exception {
        // rates 10, 12, 11 %: level 10 -> 11 -> 11, errors 2 and 0, RMS sqrt(2): 11 -/+ 1.96 sqrt 2 = 8.22814 .. 13.77186
        JsonNode t = trend("""
                {"months":["2026-08","2026-09","2026-10"],
                 "totals":[{"totalTickets":100,"escalatedTickets":10},{"totalTickets":100,"escalatedTickets":12},
                           {"totalTickets":100,"escalatedTickets":11}],
                 "byRootCause":{"product_bug":[10,12,11]}}""");
        assertThat(t.at("/forecast/rate").asDouble()).isCloseTo(11.0, within(1e-9));
        assertThat(t.at("/forecast/low").asDouble()).isCloseTo(11 - 1.96 * Math.sqrt(2), within(1e-9));
        assertThat(t.at("/forecast/high").asDouble()).isCloseTo(11 + 1.96 * Math.sqrt(2), within(1e-9));
        // rates 1, 5, 1 %: level 1 -> 3 -> 2, errors 4 and -2, RMS sqrt 10 = 3.16228: 2 - 6.19806 is clipped to 0
        t = trend("""
                {"months":["2026-08","2026-09","2026-10"],
                 "totals":[{"totalTickets":100,"escalatedTickets":1},{"totalTickets":100,"escalatedTickets":5},
                           {"totalTickets":100,"escalatedTickets":1}],
                 "byRootCause":{"product_bug":[1,5,1]}}""");
        assertThat(t.at("/forecast/rate").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(t.at("/forecast/low").asDouble()).isEqualTo(0.0);
        assertThat(t.at("/forecast/high").asDouble()).isCloseTo(2 + 1.96 * Math.sqrt(10), within(1e-9));
        // two months are too few for a forecast
        assertThat(twoMonths(1000, 10, 12, 0.10).get("forecast").isNull()).isTrue();
    }

    @Test
    void costPerRootCauseAndInTotal() throws Exception {
        // product_bug: 30 escalations, mean 3000/25 = 120 min = 2 h -> 30 * 2 * 42.5 = 2,550.00
        // training_gap: 15 escalations, mean 900/15 = 60 min = 1 h -> 15 * 1 * 42.5 = 637.50
        // policy_gap: no handle times -> no cost; total 3,187.50
        Map<String, Object> out = JythonScript.run("cost_impact.py", Map.of(
                "escalationCosts", """
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
        // without known issues the three largest root causes are what fixing would save
        assertThat(cost.get("knownIssues")).isEmpty();
        assertThat(cost.get("topSavings").findValuesAsText("id")).containsExactly("product_bug", "training_gap", "policy_gap");
    }

    @Test
    void whatFixingEachKnownIssueWouldSave() throws Exception {
        // product_bug mean 120 min, training_gap 60 min, policy_gap none; 42.50 an hour:
        // KI-318: 20 product-bug escalations x 2 h x 42.5 = 1,700.00
        // KI-327: 5 x 2 h x 42.5 + 6 training-gap escalations x 1 h x 42.5 = 425 + 255 = 680.00, 11 escalations
        // KI-400: 3 policy-gap escalations, no handle time: no cost, ranked last
        Map<String, Object> out = JythonScript.run("cost_impact.py", Map.of(
                "escalationCosts", """
                        {"byRootCause":{"product_bug":{"escalations":30,"handleMinutesSum":3000,"handleMinutesCount":25},
                                        "training_gap":{"escalations":15,"handleMinutesSum":900,"handleMinutesCount":15},
                                        "policy_gap":{"escalations":4,"handleMinutesSum":0,"handleMinutesCount":0}}}""",
                "knownIssues", """
                        {"product_bug":[{"id":"KI-318","title":"Export times out","status":"open","tickets":20},
                                        {"id":"KI-327","title":"Sync drops","status":"open","tickets":5}],
                         "training_gap":[{"id":"KI-327","title":"Sync drops","status":"open","tickets":6}],
                         "policy_gap":[{"id":"KI-400","title":"Refund rule","status":"open","tickets":3}]}""",
                "agentCostPerHour", 42.5, "currency", "USD"));
        JsonNode cost = JSON.readTree(out.get("costImpact").toString());
        JsonNode issues = cost.get("knownIssues");
        assertThat(issues.findValuesAsText("id")).containsExactly("KI-318", "KI-327", "KI-400");
        assertThat(issues.get(0).get("escalations").asLong()).isEqualTo(20);
        assertThat(issues.get(0).get("cost").asDouble()).isCloseTo(1700.0, within(1e-9));
        assertThat(issues.get(1).get("escalations").asLong()).isEqualTo(11);
        assertThat(issues.get(1).get("cost").asDouble()).isCloseTo(680.0, within(1e-9));
        assertThat(issues.get(2).get("escalations").asLong()).isEqualTo(3);
        assertThat(issues.get(2).get("cost").isNull()).isTrue();
        // the three that would save most are known issues; the root-cause total stays 3,187.50
        assertThat(cost.get("topSavings").findValuesAsText("kind")).containsExactly("knownIssue", "knownIssue", "knownIssue");
        assertThat(cost.get("topSavings").findValuesAsText("id")).containsExactly("KI-318", "KI-327", "KI-400");
        assertThat(cost.get("total").asDouble()).isCloseTo(3187.5, within(1e-9));
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
        // 10/200 = 5 % -> 4/50 = 8 %: 3 points more although escalations fell from 10 to 4 (-60 %); z = 0.82522,
        // p = 0.40925: stable
        assertThat(t.get("overall").get("changePts").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(t.get("overall").get("pValue").asDouble()).isCloseTo(0.40925, within(1e-5));
        assertThat(t.get("overall").get("direction").asText()).isEqualTo("stable");
        assertThat(t.get("overall").get("momChangePct").asDouble()).isCloseTo(-60.0, within(1e-9));
    }
}

package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.testsupport.JythonScript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bpmn/scripts/rank_root_causes.py on Jython with hand-computed fixtures. */
class RankRootCausesScriptTest {

    static JsonNode run(String cube, String totals) throws Exception {
        Map<String, Object> out = JythonScript.run("rank_root_causes.py", Map.of("cube", cube, "totals", totals));
        return new ObjectMapper().readTree(out.get("ranking").toString());
    }

    /** With the top product areas the cube chose (analysis/EscalationCube, tested in EscalationCubeTest). */
    static JsonNode run(String cube, String totals, String topProductAreas) throws Exception {
        Map<String, Object> out = JythonScript.run("rank_root_causes.py", Map.of("cube", cube, "totals", totals,
                "topProductAreas", topProductAreas));
        return new ObjectMapper().readTree(out.get("ranking").toString());
    }

    @Test
    void groupsRanksAndComputesTheMetrics() throws Exception {
        // product_bug: 6 in Notifications + 4 in Billing = 10; 3 + 4 = 7 resolved, 3 * 8 h + 4 * 20 h = 104 h -> 104/7 h
        // training_gap: 10 in Reporting; 2 resolved in 3 h total -> 1.5 h
        // policy_gap: 3 in Billing + 3 in API; none resolved (top areas as the cube chose them, passed through)
        String cube = """
                [{"rootCause":"product_bug","productArea":"Notifications","count":6,"resolved":3,"resolutionMillis":86400000},
                 {"rootCause":"product_bug","productArea":"Billing","count":4,"resolved":4,"resolutionMillis":288000000},
                 {"rootCause":"training_gap","productArea":"Reporting","count":10,"resolved":2,"resolutionMillis":10800000},
                 {"rootCause":"policy_gap","productArea":"Billing","count":3,"resolved":0,"resolutionMillis":0},
                 {"rootCause":"policy_gap","productArea":"API","count":3,"resolved":0,"resolutionMillis":0},
                 {"rootCause":"unclassified","productArea":"API","count":1,"resolved":1,"resolutionMillis":3600000}]""";
        // 27 escalated of 300 tickets = 9 %; 25 timed escalations totalling 1,000 minutes = 40 minutes
        String totals = "{\"totalTickets\":300,\"escalatedTickets\":27,\"escalationMillis\":60000000,\"escalationTimed\":25}";
        JsonNode r = run(cube, totals, "{\"product_bug\":\"Notifications\",\"policy_gap\":\"API\"}");

        assertThat(r.get("escalationRate").asDouble()).isCloseTo(9.0, within(1e-9));
        assertThat(r.get("meanTimeToEscalationMinutes").asDouble()).isCloseTo(40.0, within(1e-9));
        JsonNode rows = r.get("rows");
        assertThat(rows).hasSize(4);
        // 10 and 10: tie broken by name, product_bug before training_gap
        assertThat(rows.get(0).get("rootCause").asText()).isEqualTo("product_bug");
        assertThat(rows.get(1).get("rootCause").asText()).isEqualTo("training_gap");
        assertThat(rows.get(2).get("rootCause").asText()).isEqualTo("policy_gap");
        assertThat(rows.get(3).get("rootCause").asText()).isEqualTo("unclassified");

        assertThat(rows.get(0).get("count").asInt()).isEqualTo(10);
        assertThat(rows.get(0).get("percentOfEscalations").asDouble()).isCloseTo(1000.0 / 27, within(1e-9));
        assertThat(rows.get(0).get("avgResolutionHours").asDouble()).isCloseTo(104.0 / 7, within(1e-9));
        assertThat(rows.get(0).get("unresolved").asInt()).isEqualTo(3);
        assertThat(rows.get(0).get("topProductArea").asText()).isEqualTo("Notifications");
        assertThat(rows.get(1).get("avgResolutionHours").asDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(rows.get(2).get("avgResolutionHours").isNull()).isTrue();
        assertThat(rows.get(2).get("unresolved").asInt()).isEqualTo(6);
        assertThat(rows.get(2).get("topProductArea").asText()).isEqualTo("API");
        assertThat(rows.get(1).get("topProductArea").isNull()).as("none given for training_gap").isTrue();
        assertThat(rows.get(0).get("top3").asBoolean()).isTrue();
        assertThat(rows.get(2).get("top3").asBoolean()).isTrue();
        assertThat(rows.get(3).get("top3").asBoolean()).isFalse();
    }

    @Test
    void theEstimatedCostIsEscalationsTimesTheMeanHandleTimeOfThoseWithOneTimesTheHourlyCost() throws Exception {
        // product_bug: 10 escalations; 6 + 2 = 8 of them with a handle time, 480 + 240 = 720 minutes -> 90 min mean;
        // 10 × 1.5 h × 40 = 600. training_gap: no handle time at all -> no cost.
        String cube = """
                [{"rootCause":"product_bug","productArea":"Notifications","count":6,"resolved":0,"resolutionMillis":0,
                  "handleMinutes":480,"handleTimed":6},
                 {"rootCause":"product_bug","productArea":"Billing","count":4,"resolved":0,"resolutionMillis":0,
                  "handleMinutes":240,"handleTimed":2},
                 {"rootCause":"training_gap","productArea":"Reporting","count":3,"resolved":0,"resolutionMillis":0,
                  "handleMinutes":0,"handleTimed":0}]""";
        Map<String, Object> out = JythonScript.run("rank_root_causes.py", Map.of("cube", cube, "totals",
                "{\"totalTickets\":100,\"escalatedTickets\":13,\"escalationMillis\":0,\"escalationTimed\":0}",
                "agentCostPerHour", 40.0, "currency", "EUR"));
        JsonNode r = new ObjectMapper().readTree(out.get("ranking").toString());
        assertThat(r.get("rows").get(0).get("meanHandleMinutes").asDouble()).isCloseTo(90.0, within(1e-9));
        assertThat(r.get("rows").get(0).get("estimatedCost").asDouble()).isCloseTo(600.0, within(1e-9));
        assertThat(r.get("rows").get(1).get("estimatedCost").isNull()).isTrue();
        assertThat(r.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void productAreasBeyondAsciiSurviveTheScript() throws Exception {
        JsonNode r = run("[{\"rootCause\":\"product_bug\",\"productArea\":\"Zahlungen × Übersicht\",\"count\":2,"
                + "\"resolved\":0,\"resolutionMillis\":0}]",
                "{\"totalTickets\":4,\"escalatedTickets\":2,\"escalationMillis\":0,\"escalationTimed\":0}",
                "{\"product_bug\":\"Zahlungen × Übersicht\"}");
        assertThat(r.get("rows").get(0).get("topProductArea").asText()).isEqualTo("Zahlungen × Übersicht");
        assertThat(r.get("escalationRate").asDouble()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void noTicketsGiveNoRatesAndNoRows() throws Exception {
        JsonNode r = run("[]", "{\"totalTickets\":0,\"escalatedTickets\":0,\"escalationMillis\":0,\"escalationTimed\":0}");
        assertThat(r.get("escalationRate").isNull()).isTrue();
        assertThat(r.get("meanTimeToEscalationMinutes").isNull()).isTrue();
        assertThat(r.get("rows")).isEmpty();
    }
}

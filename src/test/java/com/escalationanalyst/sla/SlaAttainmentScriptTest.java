package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.testsupport.JythonScript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sla_attainment.py on Jython, with numbers worked out by hand in the comments. */
class SlaAttainmentScriptTest {

    static JsonNode run(String counts) throws Exception {
        return new ObjectMapper().readTree(JythonScript.run("sla_attainment.py", Map.of("slaCounts", counts))
                .get("attainment").toString());
    }

    @Test
    void attainmentLeavesRunningTargetsOutAndTheRelativeRiskHasAKatzInterval() throws Exception {
        JsonNode a = run("""
                {"cells":{"resolution|all|all":[6,2,5],"first_response|tier|Premium":[0,0,3],
                          "first_response|all|all":[30,10,1],"first_response|priority|urgent":[3,1,0]},
                 "risk":[20,80,30,870],"tickets":1000,"withoutPolicy":4}""");
        // ordered by target (first response first), then all, priority, segment, tier, team
        assertThat(a.get("rows").findValuesAsText("dimension")).containsExactly("all", "priority", "tier", "all");
        // 30 of 40 decided = 75 %; 3 of 4 = 75 %; none decided: no attainment; 6 of 8 = 75 %
        assertThat(a.get("rows").get(0).get("attainmentPct").asDouble()).isCloseTo(75.0, within(1e-12));
        assertThat(a.get("rows").get(2).get("attainmentPct").isNull()).isTrue();
        assertThat(a.get("rows").get(3).get("attainmentPct").asDouble()).isCloseTo(75.0, within(1e-12));
        // 20 of 100 breached tickets escalated (20 %), 30 of 900 others (3.33 %): RR 6; se = sqrt(1/20 - 1/100 + 1/30
        // - 1/900) = 0.268742, interval 6 x exp(-/+ 1.96 x 0.268742) = 3.543182 .. 10.160358
        JsonNode risk = a.get("risk");
        assertThat(risk.get("riskAfterBreachPct").asDouble()).isCloseTo(20.0, within(1e-12));
        assertThat(risk.get("riskOtherPct").asDouble()).isCloseTo(100.0 / 30, within(1e-12));
        assertThat(risk.get("relativeRisk").asDouble()).isCloseTo(6.0, within(1e-12));
        assertThat(risk.get("low").asDouble()).isCloseTo(3.543182, within(1e-6));
        assertThat(risk.get("high").asDouble()).isCloseTo(10.160358, within(1e-6));
        assertThat(risk.get("corrected").asBoolean()).isFalse();
        assertThat(a.get("withoutPolicy").asInt()).isEqualTo(4);
    }

    @Test
    void aZeroCountGetsHalfAddedToEachAndAnEmptyGroupNoRatio() throws Exception {
        // a = 0: 0.5, 10.5, 5.5, 85.5 -> RR (0.5/11) / (5.5/91) = 0.752066; se = sqrt(2 - 1/11 + 1/5.5 - 1/91) = 1.43345;
        // interval 0.044528 .. 12.702094
        JsonNode risk = run("""
                {"cells":{},"risk":[0,10,5,85],"tickets":100,"withoutPolicy":0}""").get("risk");
        assertThat(risk.get("relativeRisk").asDouble()).isCloseTo(0.752066, within(1e-6));
        assertThat(risk.get("low").asDouble()).isCloseTo(0.044528, within(1e-6));
        assertThat(risk.get("high").asDouble()).isCloseTo(12.702094, within(1e-6));
        assertThat(risk.get("corrected").asBoolean()).isTrue();
        // no breached ticket at all: no ratio
        JsonNode none = run("""
                {"cells":{},"risk":[0,0,5,85],"tickets":90,"withoutPolicy":0}""").get("risk");
        assertThat(none.get("relativeRisk").isNull()).isTrue();
        assertThat(none.get("riskAfterBreachPct").isNull()).isTrue();
    }
}

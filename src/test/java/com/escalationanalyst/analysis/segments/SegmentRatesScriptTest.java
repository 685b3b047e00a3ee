package com.escalationanalyst.analysis.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.testsupport.JythonScript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * bpmn/scripts/segment_rates.py on Jython. Expected z, p and Wilson intervals were computed
 * separately (Python 3, math.erfc) and are written down here.
 */
class SegmentRatesScriptTest {

    static JsonNode run(String counts, int minTickets) throws Exception {
        Map<String, Object> out = JythonScript.run("segment_rates.py",
                Map.of("segmentCounts", counts, "minTickets", minTickets, "alpha", 0.05));
        return new ObjectMapper().readTree(out.get("segmentResult").toString());
    }

    static JsonNode row(JsonNode result, String value) {
        for (JsonNode row : result.get("rows")) {
            if (row.get("value").asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row " + value);
    }

    @Test
    void twoOfNineAgainstAnOverallEightPercentIsNotFlagged() throws Exception {
        String counts = "[{\"value\":\"Tiny\",\"totalTickets\":9,\"escalatedTickets\":2},"
                + "{\"value\":\"Rest\",\"totalTickets\":991,\"escalatedTickets\":78}]";
        // tested (minimum 5): z = 1.5798, p = 0.0571 > 0.05 / 2
        JsonNode tested = run(counts, 5);
        assertThat(tested.get("overallRate").asDouble()).isCloseTo(8.0, within(1e-9));
        JsonNode tiny = row(tested, "Tiny");
        assertThat(tiny.get("escalationRate").asDouble()).isCloseTo(200.0 / 9, within(1e-9));
        assertThat(tiny.get("deviationPts").asDouble()).isCloseTo(200.0 / 9 - 8.0, within(1e-9));
        assertThat(tiny.get("z").asDouble()).isCloseTo(1.5798395452032823, within(1e-9));
        assertThat(tiny.get("pValue").asDouble()).isCloseTo(0.05707180841124973, within(1e-9));
        assertThat(tiny.get("ci95Low").asDouble()).isCloseTo(6.322510711784671, within(1e-9));
        assertThat(tiny.get("ci95High").asDouble()).isCloseTo(54.74110308930111, within(1e-9));
        assertThat(tiny.get("significantlyAbove").asBoolean()).isFalse();
        assertThat(tested.get("rows").get(0).get("value").asText()).isEqualTo("Tiny");

        // below the minimum (30): shown, not tested, and it says why
        JsonNode small = row(run(counts, 30), "Tiny");
        assertThat(small.get("significantlyAbove").asBoolean()).isFalse();
        assertThat(small.get("note").asText()).isEqualTo("fewer than 30 tickets: not tested");
    }

    @Test
    void aLargeSegmentAtTwiceTheAverageIsFlagged() throws Exception {
        JsonNode result = run("[{\"value\":\"Enterprise\",\"totalTickets\":500,\"escalatedTickets\":80},"
                + "{\"value\":\"SMB\",\"totalTickets\":1500,\"escalatedTickets\":80}]", 30);
        JsonNode enterprise = row(result, "Enterprise");
        assertThat(enterprise.get("escalationRate").asDouble()).isCloseTo(16.0, within(1e-9));
        assertThat(result.get("overallRate").asDouble()).isCloseTo(8.0, within(1e-9));
        assertThat(enterprise.get("z").asDouble()).isCloseTo(7.61386987626881, within(1e-9));
        assertThat(enterprise.get("pValue").asDouble()).isCloseTo(1.3300430631116071e-14, within(1e-20));
        assertThat(enterprise.get("ci95Low").asDouble()).isCloseTo(13.047637235016406, within(1e-9));
        assertThat(enterprise.get("ci95High").asDouble()).isCloseTo(19.47081791636915, within(1e-9));
        assertThat(enterprise.get("significantlyAbove").asBoolean()).isTrue();
        assertThat(row(result, "SMB").get("significantlyAbove").asBoolean()).isFalse();
    }

    @Test
    void bonferroniChangesABorderlineDecision() throws Exception {
        // X: 51 of 400 against 149 of 1,600: z = 2.0497, p = 0.0202
        JsonNode two = run("[{\"value\":\"X\",\"totalTickets\":400,\"escalatedTickets\":51},"
                + "{\"value\":\"Y\",\"totalTickets\":1600,\"escalatedTickets\":149}]", 30);
        assertThat(row(two, "X").get("pValue").asDouble()).isCloseTo(0.0201954427230797, within(1e-9));
        assertThat(two.get("comparedValues").asInt()).isEqualTo(2);
        assertThat(row(two, "X").get("significantlyAbove").asBoolean()).as("0.0202 < 0.05 / 2").isTrue();

        // the same X with the rest split in two: X's p is unchanged, but now 0.0202 > 0.05 / 3
        JsonNode three = run("[{\"value\":\"X\",\"totalTickets\":400,\"escalatedTickets\":51},"
                + "{\"value\":\"Y1\",\"totalTickets\":800,\"escalatedTickets\":75},"
                + "{\"value\":\"Y2\",\"totalTickets\":800,\"escalatedTickets\":74}]", 30);
        assertThat(row(three, "X").get("pValue").asDouble()).isCloseTo(0.0201954427230797, within(1e-9));
        assertThat(three.get("comparedValues").asInt()).isEqualTo(3);
        assertThat(row(three, "X").get("significantlyAbove").asBoolean()).isFalse();
    }

    @Test
    void aValueWithoutTicketsDoesNotDivideByZero() throws Exception {
        JsonNode result = run("[{\"value\":\"Empty\",\"totalTickets\":0,\"escalatedTickets\":0},"
                + "{\"value\":\"All\",\"totalTickets\":100,\"escalatedTickets\":10}]", 1);
        JsonNode empty = row(result, "Empty");
        assertThat(empty.get("escalationRate").isNull()).isTrue();
        assertThat(empty.get("z").isNull()).isTrue();
        assertThat(empty.get("ci95Low").isNull()).isTrue();
        assertThat(empty.get("significantlyAbove").asBoolean()).isFalse();
        assertThat(result.get("rows").get(1).get("value").asText()).as("no rate sorts last").isEqualTo("Empty");
        // "All" has no other tickets to be compared with
        assertThat(row(result, "All").get("note").asText()).isEqualTo("nothing to compare with: not tested");
        JsonNode none = run("[]", 1);
        assertThat(none.get("overallRate").isNull()).isTrue();
    }
}

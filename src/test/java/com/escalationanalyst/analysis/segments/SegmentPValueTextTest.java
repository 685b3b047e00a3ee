package com.escalationanalyst.analysis.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How the review form prints a p-value: never 0.0000, never beside "not tested". */
class SegmentPValueTextTest {

    private static JsonNode row(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void pValuesHaveFourDecimalsAndTinyOnesAreBelowTheSmallestPrintable() throws Exception {
        assertThat(BuildSegmentTableDelegate.pValue(row("{\"pValue\": 0.03125, \"note\": null}"))).isEqualTo("0.0313");
        assertThat(BuildSegmentTableDelegate.pValue(row("{\"pValue\": 0.0001, \"note\": null}"))).isEqualTo("0.0001");
        assertThat(BuildSegmentTableDelegate.pValue(row("{\"pValue\": 0.00009999, \"note\": null}"))).isEqualTo("< 0.0001");
        assertThat(BuildSegmentTableDelegate.pValue(row("{\"pValue\": 1.2e-12, \"note\": null}"))).isEqualTo("< 0.0001");
    }

    @Test
    void aGroupThatWasNotTestedHasNoPValue() throws Exception {
        assertThat(BuildSegmentTableDelegate.pValue(row(
                "{\"pValue\": 0.2, \"note\": \"fewer than 30 tickets: not tested\"}"))).isEmpty();
        assertThat(BuildSegmentTableDelegate.pValue(row("{\"pValue\": null, \"note\": null}"))).isEmpty();
    }
}

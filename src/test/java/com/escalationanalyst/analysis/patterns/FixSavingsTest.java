package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FixSavingsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKnownIssueFixInWords() throws Exception {
        assertThat(FixSavings.sentence(JSON.readTree("""
                {"kind":"knownIssue","id":"KI-318","title":"Export times out","escalations":108,"cost":11234.56}"""),
                "USD", 38, "a month"))
                .isEqualTo("Fixing KI-318 (Export times out) would avoid about 108 escalations, about 11,200 USD a month "
                        + "at 38.00 USD/h.");
    }

    @Test
    void aRootCauseWithoutHandleTimesAndALongTitle() throws Exception {
        assertThat(FixSavings.sentence(JSON.readTree("""
                {"kind":"rootCause","id":"policy_gap","title":null,"escalations":1,"cost":null}"""), "EUR", 40, "in this period"))
                .isEqualTo("Removing the causes of policy gap escalations would avoid about 1 escalation in this period "
                        + "(no handle times recorded, so no cost estimate).");
        // 45 characters: the first 39 end inside "out", so the cut falls after "time"
        assertThat(FixSavings.shortTitle("Exports of more than 10,000 rows time out now")).isEqualTo(
                "Exports of more than 10,000 rows time…");
        // no space in the second half: cut at 39 characters
        assertThat(FixSavings.shortTitle("Short Supercalifragilisticexpialidociouslyslowexports")).isEqualTo(
                "Short Supercalifragilisticexpialidociou…");
        assertThat(FixSavings.shortTitle("Export times out")).isEqualTo("Export times out");
    }
}

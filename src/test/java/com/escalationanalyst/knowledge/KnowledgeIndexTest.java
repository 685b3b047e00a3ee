package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Policy search over the seed knowledge (knowledge/ as shipped); known issues: KnownIssueMatcherTest. */
class KnowledgeIndexTest {

    static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        index = new KnowledgeIndex(SeedKnowledge.knownIssues(), SeedKnowledge.policySections());
    }

    @Test
    void aPolicyQuestionFindsTheSectionAndAQuote() {
        PolicyReference refund = index.findPolicy("credit above the frontline approval limit for a refund").orElseThrow();
        assertThat(refund.document()).isEqualTo("escalation-criteria.md");
        assertThat(refund.heading()).isEqualTo("Refunds and credits");
        assertThat(refund.quote()).contains("10%");

        PolicyReference handoff = index.findPolicy("handoff notes missing between shifts").orElseThrow();
        assertThat(handoff.document()).isEqualTo("routing-rules.md");
        assertThat(handoff.heading()).isEqualTo("Shift handoffs");

        PolicyReference breach = index.findPolicy("first response target missed").orElseThrow();
        assertThat(breach.document()).isEqualTo("sla-definitions.md");
    }
}

package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search over the seed knowledge (knowledge/ as shipped). */
class KnowledgeIndexTest {

    static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        index = new KnowledgeIndex(SeedKnowledge.knownIssues(), SeedKnowledge.policySections());
    }

    private static Optional<String> match(String text, String area) {
        return index.findKnownIssue(text, area, KnowledgeService.DEFAULT_MATCH_THRESHOLD).map(m -> m.issue().id());
    }

    @Test
    void aParaphraseFindsTheIssueItDescribes() {
        assertThat(match("Two colleagues added to the weekly dashboard email schedule last week never receive it; "
                + "the people who were on it from the start still get the email", "Notifications")).hasValue("KI-318");
        assertThat(match("Exporting the yearly report with 300k rows to CSV spins for a minute then a gateway "
                + "timeout", "Reporting")).hasValue("KI-301");
        assertThat(match("After changing her password she gets no push notifications on her iPhone any more",
                "Mobile App")).hasValue("KI-315");
    }

    @Test
    void theSameTextInAnotherProductAreaDoesNotMatch() {
        assertThat(match("Two colleagues added to the weekly dashboard email schedule last week never receive it; "
                + "the people who were on it from the start still get the email", "Billing")).isEmpty();
    }

    @Test
    void aDecoyThatSharesAWordIsNotAMatch() {
        assertThat(match("Customer wants to change the e-mail address on the invoice", "Notifications")).isEmpty();
        assertThat(match("Please add a new report for weekly revenue", "Reporting")).isEmpty();
    }

    @Test
    void anIssueIdInTheTextAlwaysMatches() {
        Optional<KnownIssueMatch> named = index.findKnownIssue("Applied workaround from ki-309 and resynced", "Billing", KnowledgeService.DEFAULT_MATCH_THRESHOLD);
        assertThat(named).hasValueSatisfying(m -> {
            assertThat(m.issue().id()).isEqualTo("KI-309");
            assertThat(m.explicit()).isTrue();
        });
        assertThat(match("See KI-999 (no such issue) and JIRA-12", "Notifications")).isEmpty();
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

package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three stages of known-issue matching on the seed knowledge, one written-out case each. */
class KnownIssueMatcherTest {

    static KnowledgeSnapshot knowledge;

    @BeforeAll
    static void build() {
        knowledge = SeedKnowledge.snapshot();
    }

    private static Optional<String> match(String text, String area) {
        return knowledge.findKnownIssue(text, area).map(m -> m.issue().id());
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
    void aMisfiledNoteStillFindsItsIssueOnStrongEvidence() {
        assertThat(match("Two colleagues added to the weekly dashboard email schedule last week never receive it; "
                + "the people who were on it from the start still get the email", "Billing")).hasValue("KI-318");
    }

    @Test
    void aDecoyThatSharesAWordIsNotAMatch() {
        assertThat(match("Customer wants to change the e-mail address on the invoice", "Notifications")).isEmpty();
        assertThat(match("Please add a new report for weekly revenue", "Reporting")).isEmpty();
    }

    @Test
    void anIssueIdDecidesHoweverItIsWritten() {
        for (String text : new String[] {"Applied workaround from ki-309 and resynced", "applied ki309 workaround, resynced",
                "Applied the KI 309 workaround and resynced", "Applied KI_309 workaround"}) {
            Optional<KnownIssueMatch> named = knowledge.findKnownIssue(text, "Billing");
            assertThat(named).as(text).hasValueSatisfying(m -> {
                assertThat(m.issue().id()).isEqualTo("KI-309");
                assertThat(m.explicit()).isTrue();
            });
        }
        assertThat(match("See KI-999 (no such issue) and JIRA-12", "Notifications")).isEmpty();
    }

    @Test
    void anIdNamedOnlyToRuleItOutIsNeverTheAnswer() {
        String symptoms = "Two colleagues added to the weekly dashboard email schedule last week never receive it";
        assertThat(match(symptoms + "; not KI-318, they were never on the list", "Notifications")).isEmpty();
        assertThat(match("Unrelated to KI-318: " + symptoms, "Notifications")).isEmpty();
        assertThat(match(symptoms + ". Checked KI-318 but the schedule was re-saved already.", "Notifications")).isEmpty();
        KnownIssueMatcher.Explanation why = knowledge.explainKnownIssue(symptoms + "; ki318 doesn't apply", "Notifications");
        assertThat(why.ruledOutIds()).containsExactly("KI-318");
        assertThat(why.candidates()).extracting(KnownIssueMatcher.Candidate::id).doesNotContain("KI-318");
    }

    @Test
    void aNoteThatReportsNoDefectMatchesNothing() {
        String symptoms = "New team member does not get the weekly dashboard email";
        assertThat(match(symptoms, "Notifications")).hasValue("KI-318");
        assertThat(match(symptoms + "; works as designed, she was never added to the recipients", "Notifications")).isEmpty();
        assertThat(match("Customer asks how to add a new team member to the weekly dashboard email", "Notifications"))
                .isEmpty();
        KnownIssueMatcher.Explanation why = knowledge.explainKnownIssue(symptoms + ", user error", "Notifications");
        assertThat(why.saysCorrectBehaviour()).isTrue();
        assertThat(why.reason()).startsWith("the note reports no defect");
    }

    @Test
    void theExplanationListsEveryCandidateBestFirstWithItsScores() {
        KnownIssueMatcher.Explanation why = knowledge.explainKnownIssue(
                "After changing her password she gets no push notifications on her iPhone any more", "Mobile App");
        assertThat(why.match()).isPresent();
        assertThat(why.candidates()).hasSize(SeedKnowledge.knownIssues().size());
        KnownIssueMatcher.Candidate best = why.candidates().get(0);
        assertThat(best.id()).isEqualTo("KI-315");
        assertThat(best.sameArea()).isTrue();
        // score = semantic + 0.1 × bm25 / (bm25 + 10) + 0.05 for the same area (KnownIssueMatcher.Weights.DEFAULT)
        assertThat(best.score()).isCloseTo(best.semantic() + 0.1 * best.lexical() / (best.lexical() + 10) + 0.05,
                org.assertj.core.data.Offset.offset(1e-12));
        for (int i = 1; i < why.candidates().size(); i++) {
            assertThat(why.candidates().get(i).score()).isLessThanOrEqualTo(why.candidates().get(i - 1).score());
        }
        assertThat(why.reason()).startsWith("KI-315 scores ").contains("same product area");
    }

    @Test
    void blankTextsMatchNothingAndAreNeverRefusedByTheModel() {
        assertThat(match("\n", "Billing")).isEmpty();
        assertThat(SentenceEmbeddings.shared().embed("  ")).hasSize(384);
        assertThat(SentenceEmbeddings.shared().prepare(java.util.List.of("\n", " "), VectorStore.NONE)).isZero();
    }
}

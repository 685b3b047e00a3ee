package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-issue matching measured on the TEST half of fixtures/known-issue-heldout.csv, which nothing was tuned
 * on (the weights come from the tuning half, see KnownIssueTuning). The figures are printed; the floors below
 * are the committed ones (docs/knowledge.md, "Known-issue matching", says what they are short of and why).
 */
class KnownIssueHeldOutTest {

    @Test
    void theTestHalfMeetsTheCommittedFloors() throws Exception {
        List<HeldOutNotes.Note> test = HeldOutNotes.half("test");
        assertThat(test).hasSize(150);
        List<KnownIssue> issues = SeedKnowledge.knownIssues();
        KnowledgeIndex index = new KnowledgeIndex(issues, SeedKnowledge.policySections());
        KnownIssueMatcher matcher = new KnownIssueMatcher(issues, index, SentenceEmbeddings.shared(),
                KnownIssueMatcher.Weights.DEFAULT);
        HeldOutNotes.Result result = HeldOutNotes.evaluate(test,
                (text, area) -> matcher.find(text, area).map(m -> m.issue().id()).orElse(null));
        System.out.println("Known-issue matching, test half of the held-out set (" + test.size() + " notes):");
        System.out.print(result.table());
        result.errors().forEach(e -> System.out.println("  " + e));

        // the matcher this one replaced, written out again for comparison: an id in the form "KI-318" decided;
        // otherwise the best BM25 score among the issues of the note's own product area, if at least 4.5
        java.util.regex.Pattern idPattern = java.util.regex.Pattern.compile("\\b([A-Za-z][A-Za-z0-9]*-\\d+)\\b");
        HeldOutNotes.Result before = HeldOutNotes.evaluate(test, (text, area) -> {
            java.util.regex.Matcher id = idPattern.matcher(text);
            while (id.find()) {
                String named = id.group(1).toUpperCase(java.util.Locale.ROOT);
                if (issues.stream().anyMatch(i -> i.id().equals(named))) {
                    return named;
                }
            }
            java.util.Map<String, Double> scores = index.lexicalScores(text);
            String best = null;
            double bestScore = 0;
            for (KnownIssue issue : issues) {
                double score = scores.get(issue.id());
                if (issue.productArea().equalsIgnoreCase(area) && score > bestScore) {
                    best = issue.id();
                    bestScore = score;
                }
            }
            return bestScore >= 4.5 ? best : null;
        });
        System.out.println("The lexical (BM25) matcher before it, same notes:");
        System.out.print(before.table());

        assertThat(result.f1()).as("F1").isGreaterThanOrEqualTo(FLOOR_F1);
        assertThat(result.f1()).as("better than the lexical matcher").isGreaterThan(before.f1());
        assertThat(result.falsePositiveRate()).as("fewer false positives than the lexical matcher")
                .isLessThan(before.falsePositiveRate());
        assertThat(result.bands().get("none").recall()).as("recall, notes sharing almost no words")
                .isGreaterThanOrEqualTo(FLOOR_RECALL_NO_SHARED_WORDS);
        assertThat(result.falsePositiveRate()).as("false positives on negatives")
                .isLessThanOrEqualTo(CEILING_FALSE_POSITIVES);
        assertThat(result.bands().get("howto").answered).as("false positives, how-to questions").isLessThanOrEqualTo(2);
        assertThat(result.bands().get("otherbug").answered).as("false positives, other bugs").isLessThanOrEqualTo(3);
        assertThat(result.bands().get("ruledout").answered).as("false positives, ruled-out ids").isLessThanOrEqualTo(2);
        assertThat(result.bands().get("asdesigned").answered).as("false positives, works as designed").isLessThanOrEqualTo(4);
    }

    // measured on the test half: F1 0.842, recall 0.633 on notes sharing almost no words, 34 % false positives
    // (all ten near-misses among them); the floors leave a little room for floating-point differences between CPUs
    static final double FLOOR_F1 = 0.82;
    static final double FLOOR_RECALL_NO_SHARED_WORDS = 0.60;
    static final double CEILING_FALSE_POSITIVES = 0.36;

    @Test
    void theQuickDecisionIsTheExplainedOneOnEveryNote() throws Exception {
        // find() leaves out what cannot change its answer (scores that cannot reach the minimum, verdict patterns
        // when there is no match anyway); explain() computes everything: both must decide the same on all 300 notes
        List<HeldOutNotes.Note> all = new java.util.ArrayList<>(HeldOutNotes.half("tune"));
        all.addAll(HeldOutNotes.half("test"));
        List<KnownIssue> issues = SeedKnowledge.knownIssues();
        KnownIssueMatcher matcher = new KnownIssueMatcher(issues, new KnowledgeIndex(issues, SeedKnowledge.policySections()),
                SentenceEmbeddings.shared(), KnownIssueMatcher.Weights.DEFAULT);
        int matched = 0;
        for (HeldOutNotes.Note note : all) {
            String quick = matcher.find(note.text(), note.area()).map(m -> m.issue().id()).orElse(null);
            String explained = matcher.explain(note.text(), note.area()).match().map(m -> m.issue().id()).orElse(null);
            assertThat(quick).as(note.id()).isEqualTo(explained);
            matched += quick == null ? 0 : 1;
        }
        assertThat(all).hasSize(300);
        assertThat(matched).as("both answers occur").isBetween(50, 250);
    }
}

package com.escalationanalyst.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How {@link KnownIssueMatcher.Weights#DEFAULT} was chosen: a grid over the weights on the TUNING half of
 * fixtures/known-issue-heldout.csv only, best F1 among settings with at most 5 % false positives on its
 * negatives first. Run by hand ({@code java -cp … KnownIssueTuning}); the test half is never read here.
 */
final class KnownIssueTuning {

    /** The false-positive ceiling of the shipped setting (see docs/knowledge.md, "Known-issue matching"). */
    static final double CHOSEN_CEILING = 0.20;

    public static void main(String[] args) throws Exception {
        List<HeldOutNotes.Note> tune = HeldOutNotes.half("tune");
        List<KnownIssue> issues = SeedKnowledge.knownIssues();
        KnowledgeIndex index = new KnowledgeIndex(issues, SeedKnowledge.policySections());
        record Row(KnownIssueMatcher.Weights weights, HeldOutNotes.Result result) {
        }
        List<Row> rows = new ArrayList<>();
        for (double lexicalWeight : new double[] {0, 0.05, 0.1, 0.2}) {
            for (double areaBonus : new double[] {0, 0.03, 0.05, 0.08}) {
                for (double minScore = 0.40; minScore <= 0.80; minScore += 0.02) {
                    for (double minMargin : new double[] {0, 0.02, 0.04, 0.06, 0.08}) {
                        KnownIssueMatcher.Weights weights = new KnownIssueMatcher.Weights(lexicalWeight, 10, areaBonus,
                                minScore, minMargin);
                        KnownIssueMatcher matcher = new KnownIssueMatcher(issues, index, SentenceEmbeddings.shared(), weights);
                        rows.add(new Row(weights, HeldOutNotes.evaluate(tune,
                                (text, area) -> matcher.find(text, area).map(m -> m.issue().id()).orElse(null))));
                    }
                }
            }
        }
        // the trade-off: the best F1 at each ceiling of false positives on the negatives
        Row chosen = null;
        for (double ceiling : new double[] {0.05, 0.10, 0.15, 0.20, 0.30}) {
            Row best = rows.stream().filter(r -> r.result().falsePositiveRate() <= ceiling + 1e-9)
                    .max(Comparator.comparingDouble((Row r) -> r.result().f1())
                            .thenComparingDouble(r -> -r.result().falsePositiveRate())).orElse(null);
            if (best == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "false positives <= %.2f: %s F1 %.3f P %.3f R %.3f FP %.3f none-band recall %.3f%n",
                    ceiling, best.weights(), best.result().f1(), best.result().precision(), best.result().recall(),
                    best.result().falsePositiveRate(), best.result().bands().get("none").recall());
            if (ceiling == CHOSEN_CEILING) {
                chosen = best;
            }
        }
        if (chosen != null) {
            System.out.println(chosen.result().table());
            chosen.result().errors().forEach(e -> System.out.println("  " + e));
        }
    }
}

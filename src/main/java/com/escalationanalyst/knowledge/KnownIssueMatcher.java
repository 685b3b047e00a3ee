package com.escalationanalyst.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which known issue an agent's note describes, for notes that share the issue's words and notes that share
 * none. Three stages:
 * <ol>
 * <li><b>Ids</b>: an issue id written in the note ("KI-318", "ki318", "KI 318") decides, unless the note rules it
 *     out ("not KI-318", "unrelated to KI-318", "KI-318 doesn't apply"); a ruled-out issue is never matched.</li>
 * <li><b>Retrieval</b>: every issue is scored, whatever its product area, by the cosine of the note's sentence
 *     embedding with the issue's title, symptoms, workaround (agents often write what they did) and title with
 *     symptoms, the best of the four; plus the BM25 score of the note's words, squashed to [0, 1)
 *     ({@code bm25 / (bm25 + k)}) and weighted; plus a bonus when the issue is in the note's product area
 *     (a preference, not a filter: a misfiled note still finds its issue on strong evidence).</li>
 * <li><b>Verification</b>: the best candidate must reach the minimum score and lead the runner-up by the minimum
 *     margin (two alike issues are not guessed between); a note that reports no defect (the behaviour is correct,
 *     works as designed, a user's or configuration mistake, or a how-to question) matches nothing.</li>
 * </ol>
 * The numbers were chosen on the tuning half of fixtures/known-issue-heldout.csv only; the test half measures them.
 */
public final class KnownIssueMatcher {

    /** The fusion's numbers (see the class comment). */
    public record Weights(double lexicalWeight, double lexicalHalf, double areaBonus, double minScore, double minMargin) {

        public static final Weights DEFAULT = new Weights(0.1, 10, 0.05, 0.40, 0.08);
    }

    /** One issue's scores for a note. */
    public record Candidate(String id, String title, String productArea, double semantic, double lexical, boolean sameArea,
                     double score) {
    }

    /** The answer and why: the match (or none), the candidates best first, the ids named and ruled out. */
    public record Explanation(Optional<KnownIssueMatch> match, String reason, List<Candidate> candidates,
                       List<String> namedIds, List<String> ruledOutIds, boolean saysCorrectBehaviour) {
    }

    private static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9])([A-Za-z]{1,10})[-_ ]?(\\d{1,7})(?![0-9])");
    /** A negation right before the id, with at most a few filler words between ("not the known issue KI-318"). */
    private static final Pattern RULED_OUT_BEFORE = Pattern.compile(
            "(?i)\\b(not|unrelated to|no relation to|nothing to do with|ruled out|rule out|rules out|excluded|exclude|"
                    + "other than|instead of|rather than|isn'?t|wasn'?t|aren'?t)\\s+"
                    + "(?:(?:the|a|an|known|issue|bug|related|to|about|caused|by|due|this|that|it|our|just|really|"
                    + "actually|same|as)\\s+){0,4}$");
    /** A verdict right after the id ("KI-318 doesn't apply"), or a "but" that turns away from it ("checked KI-301 but …"). */
    private static final Pattern RULED_OUT_AFTER = Pattern.compile(
            "(?i)^(\\s*[,;:)\\]]*\\s*(but|however|though)\\b|[^.;!?]{0,50}?\\b(doesn'?t apply|does not apply|not applicable|n/a\\b|is not it|isn'?t it|"
                    + "not the (cause|issue|problem|culprit)|not (related|relevant|our case|this)|ruled out|excluded|"
                    + "doesn'?t match|does not match|no match|unrelated|different (issue|problem|cause|bug)))");
    /** The agent's verdict that nothing is broken: correct behaviour, a user's or a configuration mistake. */
    private static final Pattern CORRECT_BEHAVIOUR = Pattern.compile(
            "(?i)\\b((works?|working|behaves|behaving) as (designed|intended|expected|documented)|as designed|by design|"
                    + "(intended|expected|correct|documented)( \\w+)? behaviou?r|(that's|that is|this is) how( \\w+){1,3} works?|"
                    + "(is|are|was|were) (correct|right|accurate|as expected)|(user|operator|customer|cust) error|"
                    + "not an? (bug|defect|issue)|no (bug|defect)|misconfigur\\w*|config(uration)? (error|issue|mistake|problem)|"
                    + "set up (wrong|incorrectly)|pebkac)\\b");
    /** A question or request about how to do something, or not knowing how: not a report of a defect. */
    private static final Pattern HOW_TO = Pattern.compile(
            "(?i)(\\b(asks?|asking|asked|wants to know|wondering|question)\\b[^.?!]{0,15}?\\b(how|whether|if|can|what|"
                    + "where|which|when)\\b|^\\s*(can|could|is there|are there|does|do|how)\\b[^?]{0,200}\\?|"
                    + "\\b(did not|didn'?t|does not|doesn'?t|do not|don'?t) know how to\\b|"
                    + "\\b(wants|would like|asks|asking|asked|requests?|requesting) to (change|update|add|remove|set up|setup|"
                    + "configure|enable|disable|rename|move|create|know)\\b)");

    /**
     * Every text {@link #CORRECT_BEHAVIOUR} matches contains one of these (lower case; the pattern's case-insensitivity
     * is ASCII only): the costly pattern runs only on such texts.
     */
    private static final List<String> CORRECT_BEHAVIOUR_WORDS = List.of("design", "intended", "expected", "documented",
            "behavio", "how", "correct", "right", "accurate", "error", "not a", "no bug", "no defect", "config", "set up",
            "pebkac");
    /** Every text {@link #HOW_TO} matches contains one of these (lower case). */
    private static final List<String> HOW_TO_WORDS = List.of("ask", "want", "wondering", "question", "?", "know how to",
            "would like", "request");

    private static boolean containsAny(String lower, List<String> words) {
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private record IssueVectors(KnownIssue issue, float[][] views) {
    }

    private final Map<String, KnownIssue> byId = new HashMap<>();
    private final List<IssueVectors> vectors = new ArrayList<>();
    /**
     * Every issue's views, dimension-major ({@code views[d * viewCount + v]}): a note's cosines with all of them
     * are one pass over its vector whose inner loop the JIT turns into vector instructions.
     */
    private final float[] viewMatrix;
    private final int viewCount;
    private final KnowledgeIndex index;
    private final SentenceEmbeddings embeddings;
    private final Weights weights;

    KnownIssueMatcher(List<KnownIssue> issues, KnowledgeIndex index, SentenceEmbeddings embeddings, Weights weights) {
        this.index = index;
        this.embeddings = embeddings;
        this.weights = weights;
        for (KnownIssue issue : issues) {
            byId.putIfAbsent(issue.id().toUpperCase(Locale.ROOT), issue);
            String workaround = issue.hasWorkaround() ? issue.workaround() : issue.title();
            String symptoms = issue.symptoms() == null || issue.symptoms().isBlank() ? issue.title() : issue.symptoms();
            vectors.add(new IssueVectors(issue, new float[][] {
                embeddings.embed(issue.title()), embeddings.embed(symptoms), embeddings.embed(workaround),
                embeddings.embed(issue.title() + ". " + symptoms)}));
        }
        int count = vectors.stream().mapToInt(v -> v.views().length).sum();
        int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).views()[0].length;
        float[] matrix = new float[dimensions * count];
        int column = 0;
        for (IssueVectors issue : vectors) {
            for (float[] view : issue.views()) {
                for (int d = 0; d < dimensions; d++) {
                    matrix[d * count + column] = view[d];
                }
                column++;
            }
        }
        this.viewMatrix = matrix;
        this.viewCount = count;
    }

    /** The note's cosine with every view of every issue, in the order of {@link #vectors}. */
    private float[] cosines(float[] note) {
        float[] dots = new float[viewCount];
        for (int d = 0; d < note.length; d++) {
            float x = note[d];
            int base = d * viewCount;
            for (int v = 0; v < viewCount; v++) {
                dots[v] += x * viewMatrix[base + v];
            }
        }
        return dots;
    }

    Optional<KnownIssueMatch> find(String text, String productArea) {
        return decide(text, productArea, false).match();
    }

    Explanation explain(String text, String productArea) {
        return decide(text, productArea, true);
    }

    /** The decision; {@code why}: with the reason in words (left empty when only the match is wanted). */
    private Explanation decide(String text, String productArea, boolean why) {
        if (text == null || text.isBlank()) {
            return new Explanation(Optional.empty(), "no text", List.of(), List.of(), List.of(), false);
        }
        Set<String> named = new LinkedHashSet<>();
        Set<String> ruledOut = new LinkedHashSet<>();
        // the id pattern needs a digit; most notes have none
        Matcher ids = hasDigit(text) ? ID.matcher(text) : null;
        while (ids != null && ids.find()) {
            String id = ids.group(1).toUpperCase(Locale.ROOT) + "-" + ids.group(2);
            if (!byId.containsKey(id)) {
                continue;
            }
            boolean negated = RULED_OUT_BEFORE.matcher(text.substring(Math.max(0, ids.start() - 40), ids.start())).find()
                    || RULED_OUT_AFTER.matcher(text.substring(ids.end(), Math.min(text.length(), ids.end() + 60))).find();
            (negated ? ruledOut : named).add(id);
        }
        named.removeAll(ruledOut);
        if (!why && !named.isEmpty()) {
            KnownIssue issue = byId.get(named.iterator().next());
            return new Explanation(Optional.of(new KnownIssueMatch(issue, Double.POSITIVE_INFINITY, true)), "",
                    List.of(), List.copyOf(named), List.copyOf(ruledOut), false);
        }
        // the note's cosine with every view of every issue, computed once for both uses below
        float[] dots = cosines(embeddings.embed(text));
        if (!why && !mayReachMinimum(dots, ruledOut)) {
            // no issue can reach the minimum score even with the most the lexical and area terms add: the
            // decision is "no match" whatever the rest would say (only explanations go on)
            return new Explanation(Optional.empty(), "", List.of(), List.of(), List.copyOf(ruledOut), false);
        }
        List<Candidate> candidates = candidates(text, dots, productArea, ruledOut);
        if (!why && (candidates.isEmpty() || candidates.get(0).score() < weights.minScore()
                || candidates.get(0).score() - (candidates.size() > 1 ? candidates.get(1).score() : 0) < weights.minMargin())) {
            // no match whether or not the note reports a defect: its verdict patterns need not run
            return new Explanation(Optional.empty(), "", candidates, List.of(), List.copyOf(ruledOut), false);
        }
        boolean correctBehaviour = reportsNoDefect(text);
        if (!named.isEmpty()) {
            KnownIssue issue = byId.get(named.iterator().next());
            return new Explanation(Optional.of(new KnownIssueMatch(issue, Double.POSITIVE_INFINITY, true)),
                    "the note names " + issue.id(), candidates, List.copyOf(named), List.copyOf(ruledOut), correctBehaviour);
        }
        if (candidates.isEmpty()) {
            return new Explanation(Optional.empty(), "no known issue left to compare", candidates, List.of(),
                    List.copyOf(ruledOut), correctBehaviour);
        }
        Candidate best = candidates.get(0);
        double margin = candidates.size() > 1 ? best.score() - candidates.get(1).score() : best.score();
        String reason;
        if (correctBehaviour) {
            reason = "the note reports no defect (works as designed, a user's or configuration mistake, or a how-to question)";
        } else if (best.score() < weights.minScore()) {
            reason = !why ? "" : String.format(Locale.ROOT, "best candidate %s scores %.3f, below the minimum %.3f", best.id(),
                    best.score(), weights.minScore());
        } else if (margin < weights.minMargin()) {
            reason = !why ? "" : String.format(Locale.ROOT, "%s and %s are too close (%.3f apart, at least %.3f needed)", best.id(),
                    candidates.get(1).id(), margin, weights.minMargin());
        } else {
            KnownIssue issue = byId.get(best.id().toUpperCase(Locale.ROOT));
            return new Explanation(Optional.of(new KnownIssueMatch(issue, best.score(), false)),
                    !why ? "" : String.format(Locale.ROOT, "%s scores %.3f (semantic %.3f, lexical %.2f%s), %.3f ahead of the next",
                            best.id(), best.score(), best.semantic(), best.lexical(),
                            best.sameArea() ? ", same product area" : ", another product area", margin),
                    candidates, List.of(), List.copyOf(ruledOut), false);
        }
        return new Explanation(Optional.empty(), reason, candidates, List.of(), List.copyOf(ruledOut), correctBehaviour);
    }

    /** The note's verdict that nothing is broken, or a how-to question. */
    private static boolean reportsNoDefect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return containsAny(lower, CORRECT_BEHAVIOUR_WORDS) && CORRECT_BEHAVIOUR.matcher(text).find()
                || containsAny(lower, HOW_TO_WORDS) && HOW_TO.matcher(text).find();
    }

    /** Whether some issue not ruled out could score the minimum: its cosine plus the largest lexical and area terms. */
    private boolean mayReachMinimum(float[] dots, Set<String> ruledOut) {
        double ceiling = Math.max(0, weights.lexicalWeight()) + Math.max(0, weights.areaBonus());
        int column = 0;
        for (IssueVectors issue : vectors) {
            int first = column;
            column += issue.views().length;
            if (ruledOut.contains(issue.issue().id().toUpperCase(Locale.ROOT))) {
                continue;
            }
            for (int v = first; v < column; v++) {
                if (dots[v] + ceiling >= weights.minScore()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every issue not ruled out, scored, best first (ties: the issue listed first). */
    private List<Candidate> candidates(String text, float[] dots, String productArea, Set<String> ruledOut) {
        int column = 0;
        Map<String, Double> lexical = index.lexicalScores(text);
        String area = productArea == null ? "" : productArea.trim().toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (IssueVectors issue : vectors) {
            String id = issue.issue().id().toUpperCase(Locale.ROOT);
            int first = column;
            column += issue.views().length;
            if (ruledOut.contains(id)) {
                continue;
            }
            double semantic = Double.NEGATIVE_INFINITY;
            for (int v = first; v < column; v++) {
                semantic = Math.max(semantic, dots[v]);
            }
            double bm25 = lexical.getOrDefault(id, 0.0);
            boolean sameArea = issue.issue().productArea() != null
                    && issue.issue().productArea().trim().toLowerCase(Locale.ROOT).equals(area);
            double score = semantic + weights.lexicalWeight() * bm25 / (bm25 + weights.lexicalHalf())
                    + (sameArea ? weights.areaBonus() : 0);
            candidates.add(new Candidate(issue.issue().id(), issue.issue().title(), issue.issue().productArea(),
                    semantic, bm25, sameArea, score));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return candidates;
    }
}

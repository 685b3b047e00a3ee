package com.escalationanalyst.ask;

import com.escalationanalyst.knowledge.SentenceEmbeddings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an analyst's question: the period by rules ({@link PeriodInQuestion}), the filters among the values in
 * the stores ({@link FilterValues}), the skill by words that settle it ("compare", "report", "why") or else by the
 * nearest exemplar question ({@link SkillExemplars}, sentence embeddings). A question that is not about escalations,
 * or that could mean more than one thing, gets a reply that says what can be answered instead of a guess.
 */
final class QuestionReader {

    /** Below this cosine with every exemplar of a skill the question is too far from all of them to choose one. */
    static final double MIN_SIMILARITY = 0.45;

    private static final Pattern REPORT = Pattern.compile("\\breports?\\b(?!ing)|\\bvp\\b|leadership|executive|"
            + "monthly (?:summary|email|mail)|trend report");
    private static final Pattern COMPARE = Pattern.compile("\\bcompar|\\bvs\\.?\\b|\\bversus\\b|\\bmore than\\b|"
            + "\\bless than\\b|\\bmore often\\b|\\bhigher than\\b|\\blower than\\b|\\b(?:by|per|across|between) "
            + "(?:customer )?(?:segments?|tiers?|regions?|geograph)|\\bwhich (?:customer )?(?:segments?|tiers?|regions?"
            + "|customers?|accounts?)\\b|\\bwho escalates\\b|\\bmost likely to escalate\\b|"
            + "\\bescalate (?:the )?most\\b|\\bescalates? more\\b|\\babove average\\b|\\bbelow average\\b");
    private static final Pattern WHY = Pattern.compile("\\bwhy\\b|root ?causes?|\\breasons?\\b|\\bdriv|\\bcaus|"
            + "known issues?|\\bbugs?\\b|\\bpatterns?\\b|\\bfix\\b|hot ?spots?|\\bbehind\\b|break ?down|\\banaly[sz]|"
            + "\\bwhat(?:'s| is) going on\\b|\\bspike|\\bjump|\\bsurge");
    private static final Pattern DOMAIN = Pattern.compile("escalat|\\btickets?\\b|\\bcustomers?\\b|\\baccounts?\\b|"
            + "\\bsupport\\b|\\bsegments?\\b|\\btiers?\\b|\\bregions?\\b");
    private static final Pattern SEGMENT_WORD = Pattern.compile("\\bsegments?\\b");
    private static final Pattern TIER_WORD = Pattern.compile("\\btiers?\\b");
    private static final Pattern REGION_WORD = Pattern.compile("\\bregions?\\b|\\bgeograph");

    static final String WHAT_I_ANSWER = "I can answer three kinds of question about escalations: why tickets escalate"
            + " (escalation patterns by root cause, optionally for one product area, segment, tier or region), how"
            + " customer groups compare (escalation rates by segment, tier or region) and what the monthly report"
            + " for a month would say. Name the period if it matters (\"last quarter\", \"in March\", \"since 1 Sep\").";

    private final FilterValues values;
    private final PeriodInQuestion periods;
    private final SentenceEmbeddings embeddings;
    private final Map<String, List<float[]>> exemplars = new HashMap<>();
    private final LocalDate today;

    QuestionReader(FilterValues values, LocalDate today, SentenceEmbeddings embeddings) {
        this.values = values;
        this.periods = new PeriodInQuestion(today);
        this.embeddings = embeddings;
        this.today = today;
        SkillExemplars.BY_SKILL.forEach((skill, questions) ->
                exemplars.put(skill, questions.stream().map(embeddings::embed).toList()));
    }

    Understanding read(String question) {
        String text = question == null ? "" : question.toLowerCase(Locale.ROOT)
                .replaceAll("[?!.;:,()\"“”]+", " ").replace('’', '\'').replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return Understanding.clarify("Ask a question. " + WHAT_I_ANSWER);
        }
        Optional<PeriodInQuestion.Found> period = periods.find(text);
        String rest = period.map(PeriodInQuestion.Found::rest).orElse(text);
        List<FilterValues.Value> found = values.find(rest);
        Map<FilterValues.Kind, List<String>> byKind = new EnumMap<>(FilterValues.Kind.class);
        found.forEach(v -> byKind.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v.value()));

        boolean report = REPORT.matcher(rest).find();
        boolean compare = COMPARE.matcher(rest).find() || twoOfOneAccountKind(byKind);
        boolean why = WHY.matcher(rest).find();
        boolean domain = DOMAIN.matcher(rest).find() || !found.isEmpty();
        String skill;
        if (report && !compare) {
            skill = Understanding.REPORT;
        } else if (compare && !why && !report) {
            skill = Understanding.SEGMENTS;
        } else if (why && !compare && !report) {
            skill = Understanding.PATTERNS;
        } else {
            String nearest = nearest(text, report || compare || why);
            if (nearest == null || !domain) {
                return Understanding.clarify(found.isEmpty() && !domain
                        ? "That is not something I can answer. " + WHAT_I_ANSWER
                        : "I am not sure what you would like to know" + about(found) + ". " + WHAT_I_ANSWER);
            }
            skill = nearest;
        }
        String phrase = period.map(PeriodInQuestion.Found::phrase).orElse(null);
        List<String> notes = new ArrayList<>();
        return switch (skill) {
            case Understanding.REPORT -> report(period, byKind, notes);
            case Understanding.SEGMENTS -> segments(rest, phrase, byKind, notes);
            default -> patterns(phrase, byKind, notes);
        };
    }

    private Understanding patterns(String period, Map<FilterValues.Kind, List<String>> byKind, List<String> notes) {
        for (Map.Entry<FilterValues.Kind, List<String>> kind : byKind.entrySet()) {
            if (kind.getValue().size() > 1) {
                return Understanding.clarify("Escalation patterns look at one " + name(kind.getKey()) + " at a time: "
                        + String.join(" or ", kind.getValue()) + "? Ask for one of them, or compare them"
                        + (kind.getKey() == FilterValues.Kind.PRODUCT_AREA ? " by asking for each in turn." : ""
                        + " (\"compare escalation rates by " + name(kind.getKey()) + "\")."));
            }
        }
        return new Understanding(Understanding.PATTERNS, period, null, first(byKind, FilterValues.Kind.PRODUCT_AREA),
                first(byKind, FilterValues.Kind.SEGMENT), first(byKind, FilterValues.Kind.TIER),
                first(byKind, FilterValues.Kind.REGION), null, null, notes);
    }

    private Understanding segments(String text, String period, Map<FilterValues.Kind, List<String>> byKind,
                                   List<String> notes) {
        boolean segmentWord = SEGMENT_WORD.matcher(text).find();
        boolean tierWord = TIER_WORD.matcher(text).find();
        boolean regionWord = REGION_WORD.matcher(text).find();
        String dimension;
        if (segmentWord && tierWord) {
            dimension = "segment×tier";
        } else if (tierWord) {
            dimension = "tier";
        } else if (regionWord) {
            dimension = "region";
        } else if (segmentWord) {
            dimension = "segment";
        } else {
            dimension = mostNamed(byKind);
        }
        List<String> areas = byKind.getOrDefault(FilterValues.Kind.PRODUCT_AREA, List.of());
        if (areas.size() > 1) {
            return Understanding.clarify("A comparison looks at one product area or all of them: "
                    + String.join(" or ", areas) + "?");
        }
        for (FilterValues.Kind kind : List.of(FilterValues.Kind.SEGMENT, FilterValues.Kind.TIER, FilterValues.Kind.REGION)) {
            List<String> named = byKind.getOrDefault(kind, List.of());
            if (!named.isEmpty() && !dimension.contains(name(kind))) {
                notes.add("The comparison covers every " + name(kind) + "; " + String.join(", ", named)
                        + " is not a filter of it. Ask for escalation patterns for " + named.get(0) + " to look at it alone.");
            }
        }
        return new Understanding(Understanding.SEGMENTS, period, null, areas.isEmpty() ? null : areas.get(0), null, null,
                null, dimension, null, notes);
    }

    private Understanding report(Optional<PeriodInQuestion.Found> period, Map<FilterValues.Kind, List<String>> byKind,
                                 List<String> notes) {
        YearMonth month;
        if (period.isEmpty()) {
            month = YearMonth.from(today).minusMonths(1);
        } else if (period.get().month() != null) {
            month = period.get().month();
        } else {
            return Understanding.clarify("The monthly report covers one calendar month; which month (\"October 2026\","
                    + " \"last month\")?");
        }
        if (!byKind.isEmpty()) {
            List<String> named = new ArrayList<>();
            byKind.values().forEach(named::addAll);
            notes.add("The monthly report covers all tickets; " + String.join(", ", named) + " is not a filter of it.");
        }
        return new Understanding(Understanding.REPORT, null, month.toString(), null, null, null, null, null, null, notes);
    }

    /** The skill whose exemplars come nearest (mean of its two nearest), null when "other" is nearest or none is near. */
    private String nearest(String text, boolean cue) {
        float[] vector = embeddings.embed(text);
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, List<float[]>> skill : exemplars.entrySet()) {
            double first = -1;
            double second = -1;
            for (float[] exemplar : skill.getValue()) {
                double cosine = SentenceEmbeddings.cosine(vector, exemplar);
                if (cosine > first) {
                    second = first;
                    first = cosine;
                } else if (cosine > second) {
                    second = cosine;
                }
            }
            double score = (first + second) / 2;
            if (score > bestScore) {
                bestScore = score;
                best = skill.getKey();
            }
        }
        if (SkillExemplars.OTHER.equals(best) || (!cue && bestScore < MIN_SIMILARITY)) {
            return null;
        }
        return best;
    }

    private static boolean twoOfOneAccountKind(Map<FilterValues.Kind, List<String>> byKind) {
        return byKind.getOrDefault(FilterValues.Kind.SEGMENT, List.of()).size() > 1
                || byKind.getOrDefault(FilterValues.Kind.TIER, List.of()).size() > 1
                || byKind.getOrDefault(FilterValues.Kind.REGION, List.of()).size() > 1;
    }

    private static String mostNamed(Map<FilterValues.Kind, List<String>> byKind) {
        int segments = byKind.getOrDefault(FilterValues.Kind.SEGMENT, List.of()).size();
        int tiers = byKind.getOrDefault(FilterValues.Kind.TIER, List.of()).size();
        int regions = byKind.getOrDefault(FilterValues.Kind.REGION, List.of()).size();
        if (tiers > segments && tiers >= regions) {
            return "tier";
        }
        if (regions > segments && regions > tiers) {
            return "region";
        }
        return "segment";
    }

    private static String first(Map<FilterValues.Kind, List<String>> byKind, FilterValues.Kind kind) {
        List<String> named = byKind.get(kind);
        return named == null || named.isEmpty() ? null : named.get(0);
    }

    private static String about(List<FilterValues.Value> found) {
        return found.isEmpty() ? "" : " about " + String.join(", ", found.stream().map(FilterValues.Value::value).toList());
    }

    private static String name(FilterValues.Kind kind) {
        return switch (kind) {
            case PRODUCT_AREA -> "product area";
            case SEGMENT -> "segment";
            case TIER -> "tier";
            case REGION -> "region";
        };
    }
}

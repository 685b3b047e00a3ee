package com.escalationanalyst.ask;

import com.escalationanalyst.process.NumberText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings of a skill's answer in a few neutral sentences (Markdown): per root cause the escalations, their
 * share, the average resolution time, the recommended action and any documented bug; per group of customers
 * whether it is above the overall rate.
 */
final class AnswerNarrative {

    /** Root causes told in words; the table has them all. */
    static final int ROOT_CAUSES_TOLD = 5;

    private AnswerNarrative() {
    }

    static String patterns(JsonNode result) {
        List<String> lines = new ArrayList<>();
        long escalated = result.path("escalatedTickets").asLong();
        lines.add(String.format(Locale.ENGLISH, "%,d tickets, %,d of them escalated (%s).",
                result.path("totalTickets").asLong(), escalated, percent(result.get("escalationRate"))));
        if (escalated == 0) {
            lines.add("No ticket escalated in this period, so there is no root cause to report.");
            return String.join("\n\n", lines);
        }
        JsonNode rows = result.get("rows");
        for (int i = 0; i < Math.min(ROOT_CAUSES_TOLD, rows.size()); i++) {
            JsonNode row = rows.get(i);
            StringBuilder line = new StringBuilder("- **").append(rootCause(row.get("rootCause").asText())).append("**: ")
                    .append(String.format(Locale.ENGLISH, "%,d escalations (%s of escalations)", row.get("count").asLong(),
                            percent(row.get("percentOfEscalations"))));
            JsonNode hours = row.get("avgResolutionHours");
            line.append(hours == null || hours.isNull() ? ", none resolved yet"
                    : String.format(Locale.ROOT, ", resolved in %.1f h on average", hours.asDouble()));
            if (row.hasNonNull("estimatedCost")) {
                line.append(String.format(Locale.ENGLISH, ", estimated cost %,.0f %s", row.get("estimatedCost").asDouble(),
                        result.path("currency").asText("")).stripTrailing());
            }
            if (row.hasNonNull("topProductArea")) {
                line.append("; mostly ").append(row.get("topProductArea").asText());
            }
            line.append('.');
            JsonNode issues = row.path("knownIssues");
            if (issues.size() > 0) {
                JsonNode top = issues.get(0);
                line.append(" Matches documented bug ").append(top.get("id").asText()).append(" (")
                        .append(top.path("tickets").asLong()).append(" tickets")
                        .append(top.hasNonNull("status") ? ", " + top.get("status").asText() : "").append(')')
                        .append(issues.size() > 1 ? " and " + (issues.size() - 1) + " more known issue"
                                + (issues.size() > 2 ? "s" : "") : "").append('.');
            }
            if (row.hasNonNull("recommendedAction")) {
                line.append(" Recommended: ").append(row.get("recommendedAction").asText());
                if (!line.toString().endsWith(".")) {
                    line.append('.');
                }
            }
            lines.add(line.toString());
        }
        if (rows.size() > ROOT_CAUSES_TOLD) {
            lines.add((rows.size() - ROOT_CAUSES_TOLD) + " more root causes are in the table.");
        }
        JsonNode clusters = result.path("clusters");
        if (clusters.size() > 0) {
            lines.add(clusters.size() + " group" + (clusters.size() == 1 ? "" : "s") + " of similar unmatched product-bug"
                    + " notes may be a new known issue; the first: \"" + clusters.get(0).get("label").asText() + "\" ("
                    + clusters.get(0).get("tickets").asLong() + " tickets).");
        }
        JsonNode unmapped = result.path("unmappedReasonCodes");
        if (unmapped.size() > 0) {
            List<String> codes = new ArrayList<>();
            unmapped.forEach(c -> codes.add(c.asText()));
            lines.add("Reason codes with no root cause (counted as unclassified): " + String.join(", ", codes) + ".");
        }
        return String.join("\n\n", lines);
    }

    static String segments(JsonNode result) {
        List<String> lines = new ArrayList<>();
        String dimension = result.path("dimension").asText("segment");
        lines.add(String.format(Locale.ENGLISH, "Overall %,d tickets, %,d escalated (%s): the rate each %s is measured"
                        + " against.", result.path("totalTickets").asLong(), result.path("escalatedTickets").asLong(),
                percent(result.get("overallRate")), dimension));
        List<String> above = new ArrayList<>();
        JsonNode rows = result.path("rows");
        for (JsonNode row : rows) {
            if (row.path("significantlyAbove").asBoolean()) {
                above.add(String.format(Locale.ENGLISH, "**%s** at %s (%+.2f points, %,d of %,d tickets)",
                        row.get("value").asText(), percent(row.get("escalationRate")), row.get("deviationPts").asDouble(),
                        row.get("escalatedTickets").asLong(), row.get("totalTickets").asLong()));
            }
        }
        lines.add(above.isEmpty() ? "No " + dimension + " escalates significantly more than the overall rate."
                : "Significantly above the overall rate: " + String.join("; ", above) + ".");
        if (rows.size() > 1) {
            JsonNode highest = rows.get(0);
            JsonNode lowest = rows.get(rows.size() - 1);
            lines.add("Highest rate: " + highest.get("value").asText() + " (" + percent(highest.get("escalationRate"))
                    + "); lowest: " + lowest.get("value").asText() + " (" + percent(lowest.get("escalationRate")) + ").");
        }
        return String.join("\n\n", lines);
    }

    static String report(String subject, String link) {
        return "The report is built and kept, not sent. Its subject: \"" + subject + "\". [Open the report](" + link + ").";
    }

    private static String percent(JsonNode value) {
        return value == null || value.isNull() ? "no tickets" : NumberText.percent(value.asDouble());
    }

    private static String rootCause(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

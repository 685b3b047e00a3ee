package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.process.NumberText;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What fixing a known issue (or removing a root cause) would save, in words, from a row of cost_impact.py's
 * {@code topSavings}: "Fixing KI-318 (Export times out) would avoid about 108 escalations, about 11,200 USD a
 * month at 38.00 USD/h." The monthly report and the patterns analysis say it the same way.
 */
public final class FixSavings {

    static final int TITLE_CHARACTERS = 40;

    private FixSavings() {
    }

    /** {@code period}: "a month", "in this period". */
    public static String sentence(JsonNode fix, String currency, double costPerHour, String period) {
        boolean issue = "knownIssue".equals(fix.get("kind").asText());
        String what = issue ? "Fixing " + fix.get("id").asText() + " (" + shortTitle(fix.get("title").asText()) + ")"
                : "Removing the causes of " + fix.get("id").asText().replace('_', ' ') + " escalations";
        long escalations = fix.get("escalations").asLong();
        String avoided = " would avoid about " + NumberText.about(escalations) + (escalations == 1 ? " escalation" : " escalations");
        JsonNode cost = fix.get("cost");
        if (cost == null || cost.isNull()) {
            return what + avoided + " " + period + " (no handle times recorded, so no cost estimate).";
        }
        return what + avoided + ", about " + NumberText.about(cost.asDouble()) + " " + currency + " " + period + " at "
                + String.format(Locale.ROOT, "%,.2f", costPerHour) + " " + currency + "/h.";
    }

    /**
     * A known issue's title in at most {@value #TITLE_CHARACTERS} characters: cut after the last whole word that
     * fits (within the first {@value #TITLE_CHARACTERS} - 1), "…" marking the cut.
     */
    public static String shortTitle(String title) {
        if (title.length() <= TITLE_CHARACTERS) {
            return title;
        }
        String head = title.substring(0, TITLE_CHARACTERS - 1);
        int space = head.lastIndexOf(' ');
        return (space > TITLE_CHARACTERS / 2 ? head.substring(0, space) : head).stripTrailing() + "…";
    }
}

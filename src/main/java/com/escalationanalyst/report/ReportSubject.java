package com.escalationanalyst.report;

import com.escalationanalyst.process.NumberText;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The report's e-mail subject, built from numbers and month names only (nothing a ticket wrote can
 * reach a mail header), e.g. {@code Escalations October 2026: 7.42% (up 1.10 pts from September)}. The
 * direction word follows trend_analysis.py's rule: "up" or "down" only for a significant and material change,
 * otherwise "stable" with the signed change, e.g. {@code (stable, +0.12 pts from September)}.
 */
public final class ReportSubject {

    private ReportSubject() {
    }

    public static String of(YearMonth month, Double rate, Double changePts, String direction) {
        String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        String previous = month.minusMonths(1).getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (rate == null) {
            return "Escalations " + name + ": no tickets";
        }
        String head = "Escalations " + name + ": " + NumberText.percent(rate);
        if (changePts == null) {
            return head + " (no data for " + previous + ")";
        }
        String rounded = String.format(Locale.ROOT, "%.2f", Math.abs(changePts));
        if (rounded.equals("0.00")) {
            return head + " (unchanged from " + previous + ")";
        }
        if ("up".equals(direction) || "down".equals(direction)) {
            return head + " (" + direction + " " + rounded + " pts from " + previous + ")";
        }
        return head + " (stable, " + (changePts > 0 ? "+" : "-") + rounded + " pts from " + previous + ")";
    }
}

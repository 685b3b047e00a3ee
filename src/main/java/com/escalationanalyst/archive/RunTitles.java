package com.escalationanalyst.archive;

import com.escalationanalyst.period.Period;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a run answered, in one line: "Escalation patterns for Billing, Enterprise: 1 Jul – 30 Sep 2026". */
public final class RunTitles {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RunTitles() {
    }

    public static String patterns(Period period, String productArea, String segment, String tier, String region) {
        return "Escalation patterns" + forFilters(productArea, segment, tier, region) + ": " + days(period);
    }

    public static String segments(Period period, String dimension, String productArea) {
        return "Escalation rates by " + dimension + forFilters(productArea) + ": " + days(period);
    }

    public static String slaAttainment(Period period) {
        return "SLA attainment: " + days(period);
    }

    public static String report(YearMonth month, boolean send) {
        return "Monthly report, " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + month.getYear() + (send ? "" : " (preview, not sent)");
    }

    /**
     * The period's calendar days, both ends included: {@code [from, to)} ends the day before {@code to} when
     * {@code to} is a midnight, else on {@code to}'s own day (a period "to date").
     */
    public static String days(Period period) {
        LocalDate first = period.from().withZoneSameInstant(period.zone()).toLocalDate();
        ZonedDateTime end = period.to().withZoneSameInstant(period.zone());
        LocalDate last = end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1)
                : end.toLocalDate();
        if (first.equals(last)) {
            return first.format(DAY_MONTH_YEAR);
        }
        return (first.getYear() == last.getYear() ? first.format(DAY_MONTH) : first.format(DAY_MONTH_YEAR))
                + " – " + last.format(DAY_MONTH_YEAR);
    }

    private static String forFilters(String... values) {
        List<String> named = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                named.add(value);
            }
        }
        return named.isEmpty() ? "" : " for " + String.join(", ", named);
    }
}

package com.escalationanalyst.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How recent and complete a report month's data is, and why it counts as incomplete (no reasons: complete).
 * {@code ticketsPerDay} is the month's, {@code expectedPerDay} the trailing months' (null without tickets there);
 * {@code missingDays} the days without a ticket whose weekday usually has some (ISO dates); {@code lastLoadKind}
 * "import", "demo" or "sync", {@code lastLoadAt} when it ended (ISO instant). Built by {@link #judge}, a pure
 * function of the counts, so its rules are tested by hand.
 */
public record DataFreshness(String month, String lastLoadKind, String lastLoadAt, long tickets, double ticketsPerDay,
                            Double expectedPerDay, Double volumeRatio, List<String> missingDays,
                            List<String> syncIncidents, List<String> reasons) {

    /** What the check found: tickets per day of the month and of the trailing months (each day by date). */
    record Inputs(YearMonth month, Map<LocalDate, Long> monthDays, Map<LocalDate, Long> trailingDays,
                  String lastLoadKind, Instant lastLoadAt, Instant monthEnd, List<String> syncIncidents) {
    }

    public boolean complete() {
        return reasons.isEmpty();
    }

    static DataFreshness judge(Inputs in, FreshnessRules rules) {
        long tickets = in.monthDays().values().stream().mapToLong(Long::longValue).sum();
        double perDay = in.monthDays().isEmpty() ? 0 : (double) tickets / in.monthDays().size();
        long trailing = in.trailingDays().values().stream().mapToLong(Long::longValue).sum();
        Double expected = trailing == 0 ? null : (double) trailing / in.trailingDays().size();
        Double ratio = expected == null ? null : perDay / expected;

        Map<DayOfWeek, long[]> byWeekday = new EnumMap<>(DayOfWeek.class);
        in.trailingDays().forEach((day, count) -> {
            long[] sumAndDays = byWeekday.computeIfAbsent(day.getDayOfWeek(), d -> new long[2]);
            sumAndDays[0] += count;
            sumAndDays[1]++;
        });
        List<LocalDate> missing = new ArrayList<>();
        in.monthDays().forEach((day, count) -> {
            long[] usual = byWeekday.get(day.getDayOfWeek());
            if (count == 0 && usual != null && (double) usual[0] / usual[1] >= rules.minExpectedPerDay()) {
                missing.add(day);
            }
        });
        missing.sort(null);

        List<String> reasons = new ArrayList<>();
        if (rules.enabled()) {
            if (ratio != null && ratio < rules.minVolumeRatio()) {
                reasons.add(String.format(Locale.ROOT, "%.1f tickets a day, %.0f%% of the %.1f a day of the %d months "
                        + "before (at least %.0f%% expected)", perDay, ratio * 100, expected, rules.trailingMonths(),
                        rules.minVolumeRatio() * 100));
            }
            if (rules.maxMissingDays() >= 0 && missing.size() > rules.maxMissingDays()) {
                reasons.add(missing.size() + " days without tickets on weekdays that usually have some (at most "
                        + rules.maxMissingDays() + " allowed): " + days(missing));
            }
            if (rules.requireLoadAfterMonthEnd() && in.lastLoadAt() != null && in.lastLoadAt().isBefore(in.monthEnd())) {
                reasons.add("the newest data load (" + in.lastLoadKind() + ") ended at " + in.lastLoadAt()
                        + ", before the month ended (" + in.monthEnd() + ")");
            }
            if (rules.holdOnSyncIncident() && !in.syncIncidents().isEmpty()) {
                reasons.add("a sync has an open incident: " + String.join("; ", in.syncIncidents()));
            }
        }
        return new DataFreshness(in.month().toString(), in.lastLoadKind(),
                in.lastLoadAt() == null ? null : in.lastLoadAt().toString(), tickets, perDay, expected, ratio,
                missing.stream().map(LocalDate::toString).toList(), List.copyOf(in.syncIncidents()), List.copyOf(reasons));
    }

    /** At most five dates, then how many more. */
    private static String days(List<LocalDate> days) {
        List<String> shown = days.stream().limit(5).map(LocalDate::toString).toList();
        return String.join(", ", shown) + (days.size() > 5 ? " and " + (days.size() - 5) + " more" : "");
    }
}

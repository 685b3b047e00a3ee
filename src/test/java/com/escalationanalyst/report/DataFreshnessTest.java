package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The freshness rules on hand-made months: October 2026 (31 days, the 1st a Thursday) against July to September
 * (92 days) with the default rules (half the usual volume, at most one missing day, a load after the month ended,
 * no sync incident).
 */
class DataFreshnessTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant MONTH_END = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant AFTER = Instant.parse("2026-11-01T05:40:00Z");
    /** The documented defaults (docs/configuration.md): 3 trailing months, 0.5, 1.0 a day, 1 missing day, both holds on. */
    static final FreshnessRules DEFAULTS = new FreshnessRules(true, 3, 0.5, 1.0, 1, true, true);

    static Map<LocalDate, Long> days(YearMonth from, YearMonth to, Function<LocalDate, Long> count) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (LocalDate d = from.atDay(1); !d.isAfter(to.atEndOfMonth()); d = d.plusDays(1)) {
            days.put(d, count.apply(d));
        }
        return days;
    }

    static DataFreshness judge(Function<LocalDate, Long> october, Function<LocalDate, Long> before, Instant lastLoad,
                               List<String> incidents, FreshnessRules rules) {
        return DataFreshness.judge(new DataFreshness.Inputs(OCTOBER, days(OCTOBER, OCTOBER, october),
                days(YearMonth.of(2026, 7), YearMonth.of(2026, 9), before), lastLoad == null ? null : "import", lastLoad,
                MONTH_END, incidents), rules);
    }

    @Test
    void aMonthLikeTheOnesBeforeIsComplete() {
        DataFreshness f = judge(d -> 10L, d -> 10L, AFTER, List.of(), DEFAULTS);
        // 310 tickets in 31 days = 10 a day; 920 in 92 days = 10 a day: ratio 1
        assertThat(f.tickets()).isEqualTo(310);
        assertThat(f.ticketsPerDay()).isCloseTo(10.0, within(1e-12));
        assertThat(f.expectedPerDay()).isCloseTo(10.0, within(1e-12));
        assertThat(f.volumeRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(f.missingDays()).isEmpty();
        assertThat(f.lastLoadAt()).isEqualTo("2026-11-01T05:40:00Z");
        assertThat(f.complete()).isTrue();
    }

    @Test
    void aSyncThatStoppedOnThe19thIsIncompleteForTwoReasons() {
        // days 1-19 have 10, 20-31 none: 190 tickets, 6.13 a day, 61 % of the usual (above the 50 % rule), but 12
        // days are missing (more than 1) and the last load ended on the 19th
        DataFreshness f = judge(d -> d.getDayOfMonth() <= 19 ? 10L : 0L, d -> 10L,
                Instant.parse("2026-10-19T23:00:00Z"), List.of(), DEFAULTS);
        assertThat(f.ticketsPerDay()).isCloseTo(190.0 / 31, within(1e-12));
        assertThat(f.volumeRatio()).isCloseTo(190.0 / 310, within(1e-12));
        assertThat(f.missingDays()).hasSize(12).startsWith("2026-10-20").endsWith("2026-10-31");
        assertThat(f.complete()).isFalse();
        assertThat(f.reasons()).hasSize(2);
        assertThat(f.reasons().get(0)).startsWith("12 days without tickets on weekdays that usually have some (at most 1 "
                + "allowed): 2026-10-20, 2026-10-21, 2026-10-22, 2026-10-23, 2026-10-24 and 7 more");
        assertThat(f.reasons().get(1)).isEqualTo("the newest data load (import) ended at 2026-10-19T23:00:00Z, before the "
                + "month ended (2026-11-01T00:00:00Z)");
    }

    @Test
    void lowVolumeIsNamedWithItsShare() {
        // 4 a day against 10: 40 % < 50 %
        DataFreshness f = judge(d -> 4L, d -> 10L, AFTER, List.of(), DEFAULTS);
        assertThat(f.reasons()).containsExactly("4.0 tickets a day, 40% of the 10.0 a day of the 3 months before "
                + "(at least 50% expected)");
        // 5 a day is exactly half: not below the rule
        assertThat(judge(d -> 5L, d -> 10L, AFTER, List.of(), DEFAULTS).complete()).isTrue();
    }

    @Test
    void weekendsWithoutTicketsAreNotMissingWhereWeekendsNeverHadAny() {
        Function<LocalDate, Long> weekdaysOnly = d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0L : 10L;
        DataFreshness f = judge(weekdaysOnly, weekdaysOnly, AFTER, List.of(), DEFAULTS);
        assertThat(f.missingDays()).isEmpty();
        assertThat(f.complete()).isTrue();
        // one weekday without tickets is allowed, two are not (Monday 5 and Tuesday 6 October)
        DataFreshness one = judge(d -> d.getDayOfMonth() == 5 ? 0L : weekdaysOnly.apply(d), weekdaysOnly, AFTER,
                List.of(), DEFAULTS);
        assertThat(one.missingDays()).containsExactly("2026-10-05");
        assertThat(one.complete()).isTrue();
        DataFreshness two = judge(d -> d.getDayOfMonth() == 5 || d.getDayOfMonth() == 6 ? 0L : weekdaysOnly.apply(d),
                weekdaysOnly, AFTER, List.of(), DEFAULTS);
        assertThat(two.missingDays()).containsExactly("2026-10-05", "2026-10-06");
        assertThat(two.complete()).isFalse();
    }

    @Test
    void aWeekdayThatAveragesBelowOneTicketIsNotExpected() {
        // before: 1 ticket on every 2nd day (0.5 a day on average for every weekday); October: none on the 1st-10th
        Function<LocalDate, Long> sparse = d -> d.toEpochDay() % 2 == 0 ? 1L : 0L;
        DataFreshness f = judge(d -> d.getDayOfMonth() <= 10 ? 0L : 1L, sparse, AFTER, List.of(), DEFAULTS);
        assertThat(f.missingDays()).isEmpty();
        assertThat(f.complete()).isTrue();
    }

    @Test
    void withoutHistoryOrLoadsOnlyIncidentsCount() {
        DataFreshness f = judge(d -> 0L, d -> 0L, null, List.of(), DEFAULTS);
        assertThat(f.expectedPerDay()).isNull();
        assertThat(f.volumeRatio()).isNull();
        assertThat(f.lastLoadAt()).isNull();
        assertThat(f.complete()).isTrue();
        DataFreshness incident = judge(d -> 10L, d -> 10L, AFTER, List.of("SyncHelpdeskProcess since 2026-10-30T02:00:00Z: "
                + "HTTP 503"), DEFAULTS);
        assertThat(incident.reasons()).containsExactly("a sync has an open incident: SyncHelpdeskProcess since "
                + "2026-10-30T02:00:00Z: HTTP 503");
    }

    @Test
    void eachRuleCanBeSwitchedOff() {
        FreshnessRules off = new FreshnessRules(true, 3, 0.0, 1.0, -1, false, false);
        DataFreshness f = judge(d -> d.getDayOfMonth() <= 3 ? 1L : 0L, d -> 10L, Instant.parse("2026-10-03T00:00:00Z"),
                List.of("SyncCrmProcess since 2026-10-30T02:00:00Z: HTTP 503"), off);
        assertThat(f.reasons()).isEmpty();
        FreshnessRules disabled = new FreshnessRules(false, 3, 0.5, 1.0, 1, true, true);
        assertThat(judge(d -> 0L, d -> 10L, Instant.parse("2026-10-03T00:00:00Z"), List.of("x"), disabled).complete()).isTrue();
    }
}

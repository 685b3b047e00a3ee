package com.escalationanalyst.sla;

import com.escalationanalyst.knowledge.SlaPolicies.Calendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Business time in a calendar's zone: how much of an interval falls in opening hours, and when a business
 * duration from an instant ends. Opening hours are local wall-clock times, so on a day the clocks change they
 * still open and close at the same local times (a span across the change is one hour shorter or longer in real
 * time); a 24×7 calendar counts real time. Holidays are closed all day.
 */
public final class BusinessTime {

    /** Far beyond any SLA target; a calendar open so rarely that this is reached is refused rather than looped on. */
    static final int MAX_DAYS = 3700;

    private BusinessTime() {
    }

    /**
     * A calendar with its days' opening spans remembered as they are first asked for: one per monitor cycle or
     * attainment run, so that tens of thousands of clocks over the same weeks convert each day's local hours once.
     */
    public static final class Spans {

        private final Calendar calendar;
        private final java.util.Map<LocalDate, List<Instant[]>> days = new java.util.HashMap<>();

        public Spans(Calendar calendar) {
            this.calendar = calendar;
        }

        public Calendar calendar() {
            return calendar;
        }

        List<Instant[]> of(LocalDate day) {
            return days.computeIfAbsent(day, d -> BusinessTime.spans(calendar, d));
        }
    }

    /** Business time in [from, to); zero when {@code to} is not after {@code from}. */
    public static Duration between(Calendar calendar, Instant from, Instant to) {
        return between(new Spans(calendar), from, to);
    }

    /** As {@link #between(Calendar, Instant, Instant)}, with remembered spans. */
    public static Duration between(Spans spans, Instant from, Instant to) {
        Calendar calendar = spans.calendar();
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar.alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = from.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] span : spans.of(day)) {
                Instant start = span[0].isAfter(from) ? span[0] : from;
                Instant end = span[1].isBefore(to) ? span[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public static Instant plus(Calendar calendar, Instant from, Duration amount) {
        return plus(new Spans(calendar), from, amount);
    }

    /** As {@link #plus(Calendar, Instant, Duration)}, with remembered spans. */
    public static Instant plus(Spans spans, Instant from, Duration amount) {
        Calendar calendar = spans.calendar();
        if (calendar.alwaysOpen()) {
            return from.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = from.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] span : spans.of(day)) {
                Instant start = span[0].isAfter(from) ? span[0] : from;
                if (!span[1].isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, span[1]);
                if (remaining.compareTo(available) <= 0) {
                    return start.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + calendar.name() + " has no business time for " + MAX_DAYS + " days");
    }

    /** A day's opening spans as instants (none on a holiday or a closed weekday). */
    static List<Instant[]> spans(Calendar calendar, LocalDate day) {
        if (calendar.holidays().contains(day)) {
            return List.of();
        }
        return calendar.hours().getOrDefault(day.getDayOfWeek(), List.of()).stream()
                .map(span -> new Instant[] {instant(calendar, day, span[0]), instant(calendar, day, span[1])})
                .toList();
    }

    private static Instant instant(Calendar calendar, LocalDate day, LocalTime time) {
        return time.equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()
                : day.atTime(time).atZone(calendar.zone()).toInstant();
    }
}

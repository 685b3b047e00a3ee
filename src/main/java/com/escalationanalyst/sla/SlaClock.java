package com.escalationanalyst.sla;

import com.escalationanalyst.knowledge.SlaPolicies.Calendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One SLA target of one ticket: business time elapsed (pauses left out), the due time, and its state.
 * <ul>
 *   <li>stopped (responded, resolved): {@code ACHIEVED} when the elapsed time is within the target, else {@code BREACHED};</li>
 *   <li>running: {@code BREACHED} once the elapsed time reaches the target, {@code AT_RISK} from
 *       {@code atRiskShare} of it, else {@code ACTIVE}.</li>
 * </ul>
 * A running clock inside a pause has no due time ({@code paused}); it resumes where it stopped.
 */
public final class SlaClock {

    public enum State { ACHIEVED, BREACHED, AT_RISK, ACTIVE }

    /** A pause of the clock, [from, to); {@code to} null while it lasts. */
    public record Pause(Instant from, Instant to) {
    }

    /** {@code due} null while paused. */
    public record Reading(Duration elapsed, Instant due, boolean paused, State state) {
    }

    private SlaClock() {
    }

    /**
     * @param start   when the clock starts (the ticket's creation)
     * @param stop    when the target was met (first response, resolution), or null while running
     * @param pauses  pauses in time order (they may start before {@code start}; they must not overlap)
     * @param now     the time of the reading
     */
    public static Reading read(Calendar calendar, Instant start, Instant stop, Duration target, List<Pause> pauses,
                               Instant now, double atRiskShare) {
        return read(new BusinessTime.Spans(calendar), start, stop, target, pauses, now, atRiskShare);
    }

    /**
     * As above with remembered spans. A stopped clock within its target reports no due time (it no longer matters and
     * would cost a walk through the calendar).
     */
    public static Reading read(BusinessTime.Spans calendar, Instant start, Instant stop, Duration target, List<Pause> pauses,
                               Instant now, double atRiskShare) {
        Instant end = stop != null ? stop : now;
        Duration elapsed = BusinessTime.between(calendar, start, end);
        boolean paused = false;
        for (Pause pause : pauses) {
            Instant from = pause.from().isAfter(start) ? pause.from() : start;
            Instant to = pause.to() == null || pause.to().isAfter(end) ? end : pause.to();
            elapsed = elapsed.minus(BusinessTime.between(calendar, from, to));
            paused |= stop == null && !pause.from().isAfter(end) && (pause.to() == null || pause.to().isAfter(end));
        }
        boolean met = stop != null && elapsed.compareTo(target) <= 0;
        Instant due = paused || met ? null : due(calendar, start, target, pauses);
        State state;
        if (stop != null) {
            state = elapsed.compareTo(target) <= 0 ? State.ACHIEVED : State.BREACHED;
        } else if (elapsed.compareTo(target) >= 0) {
            state = State.BREACHED;
        } else if (elapsed.toMillis() >= atRiskShare * target.toMillis()) {
            state = State.AT_RISK;
        } else {
            state = State.ACTIVE;
        }
        return new Reading(elapsed, due, paused, state);
    }

    /** When the target is used up, counting business time outside the pauses; null if a pause never ends first. */
    static Instant due(BusinessTime.Spans calendar, Instant start, Duration target, List<Pause> pauses) {
        Duration remaining = target;
        Instant cursor = start;
        for (Pause pause : pauses) {
            if (pause.to() != null && !pause.to().isAfter(cursor)) {
                continue;
            }
            if (pause.from().isAfter(cursor)) {
                Duration before = BusinessTime.between(calendar, cursor, pause.from());
                if (remaining.compareTo(before) <= 0) {
                    return BusinessTime.plus(calendar, cursor, remaining);
                }
                remaining = remaining.minus(before);
            }
            if (pause.to() == null) {
                return null;
            }
            cursor = pause.to();
        }
        return BusinessTime.plus(calendar, cursor, remaining);
    }
}

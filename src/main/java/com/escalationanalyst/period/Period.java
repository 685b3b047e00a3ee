package com.escalationanalyst.period;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A half-open period {@code [from, to)} in the business time zone, with a human label. */
public record Period(ZonedDateTime from, ZonedDateTime to, ZoneId zone, String label) {

    public Period {
        if (!from.isBefore(to)) {
            throw new PeriodException(PeriodException.PERIOD, "the period must end after it starts (" + from + " to " + to + ")");
        }
    }

    public Instant fromInstant() {
        return from.toInstant();
    }

    public Instant toInstant() {
        return to.toInstant();
    }
}

package com.escalationanalyst.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The instants the stores hold and the analyses ask about: {@code [min, max)}. H2 and PostgreSQL both
 * take timestamps far beyond any ticket's, but not the same ones (PostgreSQL refuses the year +999999999
 * that H2 stores), so imports, feeds, periods and report months are all held to this one range and
 * behave alike on both. Configured by {@code escalation.import.min-instant} and {@code .max-instant}.
 */
public record InstantRange(Instant min, Instant max) {

    public static final String MIN_PROPERTY = "escalation.import.min-instant";
    public static final String MAX_PROPERTY = "escalation.import.max-instant";

    public InstantRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (!min.isBefore(max)) {
            throw new IllegalArgumentException(MIN_PROPERTY + " (" + min + ") must be before " + MAX_PROPERTY
                    + " (" + max + ")");
        }
    }

    /** From the two properties' texts (ISO-8601 with offset); a bad one stops the start naming it. */
    public static InstantRange of(String min, String max) {
        return new InstantRange(instant(MIN_PROPERTY, min), instant(MAX_PROPERTY, max));
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(min) && instant.isBefore(max);
    }

    /** For messages: "from 1970-01-01T00:00:00Z up to, not including, 2100-01-01T00:00:00Z". */
    public String describe() {
        return "from " + min + " up to, not including, " + max;
    }

    private static Instant instant(String property, String text) {
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalStateException(property + ": '" + text + "' is not an ISO-8601 instant with offset, "
                    + "e.g. 1970-01-01T00:00:00Z", e);
        }
    }
}

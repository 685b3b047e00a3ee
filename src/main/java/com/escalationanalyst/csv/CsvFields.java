package com.escalationanalyst.csv;

import com.escalationanalyst.store.InstantRange;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the fields of one CSV record. Every getter validates and, when the value is not
 * acceptable, records an {@link ImportError} for this line and column and returns null.
 */
public final class CsvFields {

    private final long line;
    private final List<String> values;
    private final Map<String, Integer> columnIndex;
    private final List<ImportError> errors;
    private final int errorsBefore;
    private final InstantRange instants;

    public CsvFields(long line, List<String> values, Map<String, Integer> columnIndex, List<ImportError> errors,
              InstantRange instants) {
        this.line = line;
        this.values = values;
        this.columnIndex = columnIndex;
        this.errors = errors;
        this.errorsBefore = errors.size();
        this.instants = instants;
    }

    /** True when any field of this line was refused. */
    public boolean hasErrors() {
        return errors.size() > errorsBefore;
    }

    public long line() {
        return line;
    }

    /** Records a problem that involves this line (e.g. two columns that contradict each other). */
    public void error(String column, String message) {
        errors.add(new ImportError(line, column, message));
    }

    /** The raw value, or null when the field is empty. */
    public String raw(String column) {
        String value = values.get(columnIndex.get(column));
        return value.isEmpty() ? null : value;
    }

    public String text(String column, int maxLength, boolean required) {
        String value = raw(column);
        if (value == null) {
            if (required) {
                error(column, "is required");
            }
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            error(column, "contains a NUL character");
            return null;
        }
        if (value.length() > maxLength) {
            error(column, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        if (required && value.isBlank()) {
            error(column, "is required (found only spaces)");
            return null;
        }
        return value;
    }

    public String oneOf(String column, Set<String> allowed, boolean required) {
        String value = text(column, 64, required);
        if (value == null) {
            return null;
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalised)) {
            error(column, "'" + value + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
            return null;
        }
        return normalised;
    }

    /** ISO-8601 instant with an offset or Z, e.g. 2026-10-01T09:30:00Z, within the accepted range; stored in UTC. */
    public OffsetDateTime instant(String column, boolean required) {
        String value = text(column, 64, required);
        if (value == null) {
            return null;
        }
        try {
            return IsoInstants.parseUtc(value.trim(), instants);
        } catch (IsoInstants.OutOfRangeException e) {
            error(column, "'" + value + "' is outside the accepted instants, " + instants.describe());
            return null;
        } catch (DateTimeException e) {
            error(column, "'" + value + "' is not an ISO-8601 instant with offset, e.g. 2026-10-01T09:30:00Z "
                    + "or 2026-10-01T05:30:00-04:00");
            return null;
        }
    }

    public Boolean bool(String column, boolean required) {
        String value = text(column, 16, required);
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> {
                return Boolean.TRUE;
            }
            case "false", "0" -> {
                return Boolean.FALSE;
            }
            default -> {
                error(column, "'" + value + "' is not a boolean (true, false, 1 or 0)");
                return null;
            }
        }
    }

    public Integer nonNegativeInt(String column, boolean required) {
        String value = text(column, 16, required);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                error(column, "is " + number + "; it must be 0 or more");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(column, "'" + value + "' is not a whole number");
            return null;
        }
    }

    public BigDecimal nonNegativeDecimal(String column, int maxScale, boolean required) {
        String value = text(column, 32, required);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.trim());
            if (number.signum() < 0) {
                error(column, "is " + value + "; it must be 0 or more");
                return null;
            }
            if (number.stripTrailingZeros().scale() > maxScale) {
                error(column, "'" + value + "' has more than " + maxScale + " decimal places");
                return null;
            }
            if (number.precision() - number.scale() > 16) {
                error(column, "'" + value + "' is too large");
                return null;
            }
            return number.setScale(maxScale);
        } catch (NumberFormatException e) {
            error(column, "'" + value + "' is not a number (use a dot as decimal separator, no thousands separator)");
            return null;
        }
    }
}

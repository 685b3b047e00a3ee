package com.escalationanalyst.csv;

import com.escalationanalyst.store.InstantRange;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads ISO-8601 instants with an offset as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, and
 * accepts and refuses exactly the same texts. The common shape ({@code 2026-10-01T09:30:00Z},
 * {@code 2026-10-01T05:30:00.250-04:00}) is read by hand, several times faster than the formatter,
 * which matters at millions of rows; everything else goes to the formatter.
 */
public final class IsoInstants {

    /** A well-formed instant outside the range the stores accept. */
    public static final class OutOfRangeException extends DateTimeException {

        OutOfRangeException(OffsetDateTime instant, InstantRange range) {
            super(instant + " is outside the accepted instants, " + range.describe());
        }
    }

    private IsoInstants() {
    }

    /**
     * As {@link #parseUtc(CharSequence)}, and refused with an {@link OutOfRangeException} outside {@code range}
     * (years such as +999999999 are well-formed ISO-8601, and one database stores them while the other fails).
     */
    public static OffsetDateTime parseUtc(CharSequence text, InstantRange range) {
        OffsetDateTime instant = parseUtc(text);
        if (!range.contains(instant.toInstant())) {
            throw new OutOfRangeException(instant, range);
        }
        return instant;
    }

    /** The instant in UTC; throws {@link DateTimeException} when the text is not an ISO-8601 instant with offset. */
    public static OffsetDateTime parseUtc(CharSequence text) {
        OffsetDateTime fast = fastPath(text);
        OffsetDateTime parsed = fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return parsed.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:mm)}, or null to leave the text to the formatter. */
    private static OffsetDateTime fastPath(CharSequence s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && s.charAt(i) == ':') {
            second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
            if (second < 0) {
                return null;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int length = i - start;
                if (length == 0 || length > 9) {
                    return null;
                }
                for (int k = length; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null; // the formatter words the refusal
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

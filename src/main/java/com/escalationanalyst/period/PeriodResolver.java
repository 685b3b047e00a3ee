package com.escalationanalyst.period;

import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.store.InstantRange;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a half-open period {@code [from, to)} in the business time zone
 * ({@code escalation.time-zone}). Days are calendar days of that zone: "last 7 days" ends now and
 * starts at the same wall-clock time seven days earlier, whatever daylight saving did in between.
 */
@Component
public class PeriodResolver {

    public static final String ACCEPTED = "empty (last 30 days); \"last N days|weeks|months\"; \"this month\"; "
            + "\"last month\" or \"previous month\"; \"this quarter\"; \"last quarter\"; \"Q3 2026\"; "
            + "\"October 2026\"; \"2026-10\"; \"since 2026-09-15\"; \"2026-09-01 to 2026-09-30\"; \"year to date\"; "
            + "or from/to dates (YYYY-MM-DD, to inclusive)";

    private static final Pattern LAST_N = Pattern.compile("(?:last|past) (\\d{1,4}) (day|week|month)s?");
    private static final Pattern QUARTER = Pattern.compile("q([1-4]) (\\d{4})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern MONTH_NAME = Pattern.compile("([a-z]+) (\\d{4})");
    private static final Pattern SINCE = Pattern.compile("since (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (?:to|until|-) (\\d{4}-\\d{2}-\\d{2})");

    private final Clock clock;
    private final ZoneId zone;
    private final InstantRange instants;

    @Autowired
    PeriodResolver(Clock clock, EscalationSettings escalation, InstantRange instants) {
        this(clock, escalation.timeZone(), instants);
    }

    /** A resolver for the given business zone. */
    public PeriodResolver(Clock clock, ZoneId zone, InstantRange instants) {
        this.clock = clock;
        this.zone = zone;
        this.instants = instants;
    }

    /**
     * From a phrase, or from explicit dates (which win when given). A period must lie within the accepted
     * instants; when it does not, the message starts with the field at fault ("from: ", "to: ") for dates.
     */
    public Period resolve(String phrase, String fromDate, String toDate) {
        boolean hasFrom = fromDate != null && !fromDate.isBlank();
        boolean hasTo = toDate != null && !toDate.isBlank();
        if (hasFrom || hasTo) {
            if (!hasFrom || !hasTo) {
                throw new PeriodException(hasFrom ? PeriodException.TO : PeriodException.FROM,
                        "give both from and to (YYYY-MM-DD, to inclusive), or a period phrase");
            }
            return within(days(date(fromDate, PeriodException.FROM), date(toDate, PeriodException.TO), PeriodException.TO),
                    PeriodException.FROM, PeriodException.TO);
        }
        return resolve(phrase);
    }

    public Period resolve(String phrase) {
        return within(phrase(phrase), PeriodException.PERIOD, PeriodException.PERIOD);
    }

    /**
     * The period, if the stores can hold what it spans: queries past the range fail differently per database.
     * For dates the message starts with the field at fault ("from: ", "to: ").
     */
    private Period within(Period period, String fromField, String toField) {
        if (period.fromInstant().isBefore(instants.min())) {
            throw new PeriodException(fromField, prefix(fromField) + "'" + period.label() + "' would start at "
                    + period.from().toOffsetDateTime() + ", before the accepted instants (" + instants.describe() + ")");
        }
        if (period.toInstant().isAfter(instants.max())) {
            throw new PeriodException(toField, prefix(toField) + "'" + period.label() + "' would end at "
                    + period.to().toOffsetDateTime() + ", after the accepted instants (" + instants.describe() + ")");
        }
        return period;
    }

    private Period phrase(String phrase) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
        String p = phrase == null ? "" : phrase.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (p.isEmpty()) {
            return new Period(now.minusDays(30), now, zone, "last 30 days");
        }
        Matcher m;
        if ((m = LAST_N.matcher(p)).matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1) {
                throw new PeriodException(PeriodException.PERIOD, "'" + phrase + "': N must be at least 1");
            }
            ZonedDateTime from = switch (m.group(2)) {
                case "day" -> now.minusDays(n);
                case "week" -> now.minusWeeks(n);
                default -> now.minusMonths(n);
            };
            return new Period(from, now, zone, "last " + n + " " + m.group(2) + (n == 1 ? "" : "s"));
        }
        YearMonth thisMonth = YearMonth.from(now);
        switch (p) {
            case "this month":
                return new Period(start(thisMonth.atDay(1)), now, zone, monthLabel(thisMonth) + " to date");
            case "last month", "previous month":
                return month(thisMonth.minusMonths(1));
            case "this quarter":
                return new Period(start(quarterStart(now.toLocalDate())), now, zone, quarterLabel(now.toLocalDate()) + " to date");
            case "last quarter", "previous quarter": {
                LocalDate previous = quarterStart(now.toLocalDate()).minusMonths(3);
                return quarter(previous);
            }
            case "year to date", "ytd", "this year":
                return new Period(start(LocalDate.of(now.getYear(), 1, 1)), now, zone, now.getYear() + " to date");
            case "last year", "previous year":
                return new Period(start(LocalDate.of(now.getYear() - 1, 1, 1)), start(LocalDate.of(now.getYear(), 1, 1)),
                        zone, Integer.toString(now.getYear() - 1));
            default:
                break;
        }
        if ((m = QUARTER.matcher(p)).matches()) {
            return quarter(LocalDate.of(Integer.parseInt(m.group(2)), (Integer.parseInt(m.group(1)) - 1) * 3 + 1, 1));
        }
        if ((m = YEAR_MONTH.matcher(p)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new PeriodException(PeriodException.PERIOD, "'" + phrase + "': there is no month " + month);
            }
            return month(YearMonth.of(Integer.parseInt(m.group(1)), month));
        }
        if ((m = MONTH_NAME.matcher(p)).matches()) {
            Month month = monthNamed(m.group(1));
            if (month != null) {
                return month(YearMonth.of(Integer.parseInt(m.group(2)), month));
            }
        }
        if ((m = SINCE.matcher(p)).matches()) {
            LocalDate since = date(m.group(1), PeriodException.PERIOD);
            return new Period(start(since), now, zone, "since " + since);
        }
        if ((m = RANGE.matcher(p)).matches()) {
            return days(date(m.group(1), PeriodException.PERIOD), date(m.group(2), PeriodException.PERIOD), PeriodException.PERIOD);
        }
        throw new PeriodException(PeriodException.PERIOD, "'" + phrase + "' is not a period I understand. Accepted: " + ACCEPTED);
    }

    /** Whole days from..to, both inclusive. */
    private Period days(LocalDate from, LocalDate to, String toField) {
        if (to.isBefore(from)) {
            throw new PeriodException(toField, "to (" + to + ") is before from (" + from + ")");
        }
        // refused before the day after it is asked for, which the last date there is (year +999999999) has not
        if (to.isAfter(LocalDate.ofInstant(instants.max(), zone))) {
            throw new PeriodException(toField, prefix(toField) + "'" + from + " to " + to + "' would end after the accepted instants ("
                    + instants.describe() + ")");
        }
        return new Period(start(from), start(to.plusDays(1)), zone, from + " to " + to);
    }

    /** A calendar month in the business zone. */
    public Period month(YearMonth month) {
        return new Period(start(month.atDay(1)), start(month.plusMonths(1).atDay(1)), zone, monthLabel(month));
    }

    private Period quarter(LocalDate quarterStart) {
        return new Period(start(quarterStart), start(quarterStart.plusMonths(3)), zone, quarterLabel(quarterStart));
    }

    private ZonedDateTime start(LocalDate date) {
        return date.atStartOfDay(zone);
    }

    private static LocalDate quarterStart(LocalDate date) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static String quarterLabel(LocalDate date) {
        return "Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear();
    }

    public static String monthLabel(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    private static Month monthNamed(String name) {
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(name) || (name.length() >= 3 && full.startsWith(name))) {
                return month;
            }
        }
        return null;
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw new PeriodException(field, field + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** Messages about a date name its field first; those about a phrase start with the phrase. */
    private static String prefix(String field) {
        return field.equals(PeriodException.PERIOD) ? "" : field + ": ";
    }
}

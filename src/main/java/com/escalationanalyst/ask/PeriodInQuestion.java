package com.escalationanalyst.ask;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the period a question names and says it as the period resolver's phrase ("last quarter", "Q3 2026",
 * "since 2026-09-15", "2026-08-01 to 2026-08-15"), so that an asked run reads its period exactly as a form or API
 * run would. A month or quarter without a year is the latest one that has begun; "the past fortnight" is the last
 * 14 days; "since the 1st" is since the first of this month. The text it read is removed so that the filters are
 * looked for in what is left.
 */
final class PeriodInQuestion {

    /** The resolver phrase, and the question without the words that named it. */
    record Found(String phrase, String rest, YearMonth month) {
    }

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("a", 1));
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    /** 2026-09-15, 15 Sep(tember) [2026], Sep(tember) 15(th) [2026], the 15th of September. */
    private static final String DATE = "(\\d{4}-\\d{2}-\\d{2}|" + DAY + " (?:of )?" + MONTH + "(?:,? (\\d{4}))?|"
            + MONTH + " " + DAY + "(?:,? (\\d{4}))?)";

    private static final Pattern RANGE = Pattern.compile("(?:from |between )?" + DATE + " (?:to|until|till|through|and|-|–) "
            + DATE);
    private static final Pattern SINCE_FIRST = Pattern.compile("since the (?:1st|first)(?: of (?:the|this) month)?");
    private static final Pattern SINCE = Pattern.compile("(?:since|from) " + DATE);
    private static final Pattern SINCE_MONTH = Pattern.compile("since (?:the (?:start|beginning) of )?" + MONTH
            + "(?: (\\d{4}))?");
    private static final Pattern LAST_N = Pattern.compile("(?:last|past|previous) (\\d{1,3}|"
            + String.join("|", NUMBERS.keySet()) + ") (day|week|month)s?");
    private static final Pattern FORTNIGHT = Pattern.compile("(?:last|past|previous) (?:fortnight|two weeks)");
    private static final Pattern QUARTER = Pattern.compile("\\bq([1-4])(?:(?: of)? (\\d{4}))?\\b");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\b(\\d{4})-(\\d{2})\\b");
    private static final Pattern MONTH_NAME = Pattern.compile("\\b" + MONTH + "(?: (\\d{4}))?\\b");
    private static final Pattern IN_YEAR = Pattern.compile("\\b(?:in|for|during|of) (\\d{4})\\b");
    private static final String[][] FIXED = {
            {"month to date", "this month"}, {"this month", "this month"}, {"mtd", "this month"},
            {"last month", "last month"}, {"previous month", "last month"}, {"past month", "last month"},
            {"this quarter", "this quarter"}, {"quarter to date", "this quarter"}, {"qtd", "this quarter"},
            {"last quarter", "last quarter"}, {"previous quarter", "last quarter"}, {"past quarter", "last quarter"},
            {"year to date", "year to date"}, {"this year", "year to date"}, {"ytd", "year to date"},
            {"last year", "last year"}, {"previous year", "last year"}, {"past year", "last 12 months"},
            {"last week", "last 7 days"}, {"past week", "last 7 days"}, {"this week", "last 7 days"}};

    private final LocalDate today;

    PeriodInQuestion(LocalDate today) {
        this.today = today;
    }

    /** {@code text}: lower case, single spaces. */
    Optional<Found> find(String text) {
        Matcher m = RANGE.matcher(text);
        if (m.find()) {
            // the two dates' groups: 1–7 and 8–14 (see date)
            LocalDate from = date(m, 1);
            LocalDate to = date(m, 8);
            if (from != null && to != null && !to.isBefore(from)) {
                return found(from + " to " + to, text, m, null);
            }
        }
        m = SINCE_FIRST.matcher(text);
        if (m.find()) {
            return found("since " + today.withDayOfMonth(1), text, m, null);
        }
        m = SINCE.matcher(text);
        if (m.find() && date(m, 1) != null) {
            return found("since " + date(m, 1), text, m, null);
        }
        m = SINCE_MONTH.matcher(text);
        if (m.find()) {
            return found("since " + month(m.group(1), m.group(2)).atDay(1), text, m, null);
        }
        m = FORTNIGHT.matcher(text);
        if (m.find()) {
            return found("last 14 days", text, m, null);
        }
        m = LAST_N.matcher(text);
        if (m.find()) {
            int n = m.group(1).chars().allMatch(Character::isDigit) ? Integer.parseInt(m.group(1)) : NUMBERS.get(m.group(1));
            return found("last " + n + " " + m.group(2) + "s", text, m, null);
        }
        for (String[] fixed : FIXED) {
            m = Pattern.compile("\\b" + fixed[0] + "\\b").matcher(text);
            if (m.find()) {
                YearMonth month = fixed[1].equals("last month") ? YearMonth.from(today).minusMonths(1)
                        : fixed[1].equals("this month") ? YearMonth.from(today) : null;
                return found(fixed[1], text, m, month);
            }
        }
        m = QUARTER.matcher(text);
        if (m.find()) {
            int quarter = Integer.parseInt(m.group(1));
            int year = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : (quarter - 1) * 3 + 1 <= today.getMonthValue() ? today.getYear() : today.getYear() - 1;
            return found("Q" + quarter + " " + year, text, m, null);
        }
        m = YEAR_MONTH.matcher(text);
        if (m.find()) {
            int monthNumber = Integer.parseInt(m.group(2));
            if (monthNumber >= 1 && monthNumber <= 12) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), monthNumber);
                return found(monthPhrase(month), text, m, month);
            }
        }
        m = MONTH_NAME.matcher(text);
        while (m.find()) {
            // "may" is a month only with a year or after "in"/"for"/"of"
            if (m.group(1).equals("may") && m.group(2) == null && !Pattern.compile("\\b(?:in|for|of|during) may\\b")
                    .matcher(text).find()) {
                continue;
            }
            YearMonth month = month(m.group(1), m.group(2));
            return found(monthPhrase(month), text, m, month);
        }
        m = IN_YEAR.matcher(text);
        if (m.find()) {
            int year = Integer.parseInt(m.group(1));
            return found(LocalDate.of(year, 1, 1) + " to " + LocalDate.of(year, 12, 31), text, m, null);
        }
        return Optional.empty();
    }

    private Optional<Found> found(String phrase, String text, Matcher m, YearMonth month) {
        String rest = (text.substring(0, m.start()) + " " + text.substring(m.end())).replaceAll("\\s+", " ").trim();
        return Optional.of(new Found(phrase, rest, month));
    }

    /** A month named without a year: the latest that has begun. */
    private YearMonth month(String name, String year) {
        Month month = monthOf(name);
        if (year != null) {
            return YearMonth.of(Integer.parseInt(year), month);
        }
        YearMonth candidate = YearMonth.of(today.getYear(), month);
        return candidate.isAfter(YearMonth.from(today)) ? candidate.minusYears(1) : candidate;
    }

    /**
     * The date in the {@link #DATE} groups starting at {@code first}: ISO (first), day month year (first + 1 ..
     * first + 3), month day year (first + 4 .. first + 6); null when it is no date (e.g. 31 February).
     */
    private LocalDate date(Matcher m, int first) {
        try {
            if (m.group(first).matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(m.group(first));
            }
            if (m.group(first + 1) != null) {
                return dayOf(m.group(first + 2), Integer.parseInt(m.group(first + 1)), m.group(first + 3));
            }
            return dayOf(m.group(first + 4), Integer.parseInt(m.group(first + 5)), m.group(first + 6));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private LocalDate dayOf(String monthName, int day, String year) {
        YearMonth month = month(monthName, year);
        LocalDate date = month.atDay(day);
        // "15 December" said in early December of a date not yet reached: last year's
        return year == null && date.isAfter(today) ? date.minusYears(1) : date;
    }

    private static Month monthOf(String name) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
                return month;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String monthPhrase(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }
}

package com.escalationanalyst.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.store.InstantRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PeriodResolverTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final InstantRange RANGE = new InstantRange(Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    static PeriodResolver at(String instant, ZoneId zone) {
        return new PeriodResolver(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone, RANGE);
    }

    static void assertPeriod(Period p, String from, String to, String label) {
        assertThat(p.fromInstant()).as("from").isEqualTo(Instant.parse(from));
        assertThat(p.toInstant()).as("to").isEqualTo(Instant.parse(to));
        assertThat(p.label()).isEqualTo(label);
    }

    // now = Thursday 2026-11-26 15:00 UTC
    final PeriodResolver utc = at("2026-11-26T15:00:00Z", ZoneOffset.UTC);

    @Test
    void everyPhraseInUtc() {
        assertPeriod(utc.resolve(""), "2026-10-27T15:00:00Z", "2026-11-26T15:00:00Z", "last 30 days");
        assertPeriod(utc.resolve(null), "2026-10-27T15:00:00Z", "2026-11-26T15:00:00Z", "last 30 days");
        assertPeriod(utc.resolve("last 7 days"), "2026-11-19T15:00:00Z", "2026-11-26T15:00:00Z", "last 7 days");
        assertPeriod(utc.resolve("Last 2 Weeks"), "2026-11-12T15:00:00Z", "2026-11-26T15:00:00Z", "last 2 weeks");
        assertPeriod(utc.resolve("last 3 months"), "2026-08-26T15:00:00Z", "2026-11-26T15:00:00Z", "last 3 months");
        assertPeriod(utc.resolve("this month"), "2026-11-01T00:00:00Z", "2026-11-26T15:00:00Z", "November 2026 to date");
        assertPeriod(utc.resolve("last month"), "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "October 2026");
        assertPeriod(utc.resolve("previous month"), "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "October 2026");
        assertPeriod(utc.resolve("this quarter"), "2026-10-01T00:00:00Z", "2026-11-26T15:00:00Z", "Q4 2026 to date");
        assertPeriod(utc.resolve("last quarter"), "2026-07-01T00:00:00Z", "2026-10-01T00:00:00Z", "Q3 2026");
        assertPeriod(utc.resolve("Q1 2026"), "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", "Q1 2026");
        assertPeriod(utc.resolve("October 2026"), "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "October 2026");
        assertPeriod(utc.resolve("oct 2026"), "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "October 2026");
        assertPeriod(utc.resolve("2026-10"), "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", "October 2026");
        assertPeriod(utc.resolve("since 2026-09-15"), "2026-09-15T00:00:00Z", "2026-11-26T15:00:00Z", "since 2026-09-15");
        assertPeriod(utc.resolve("2026-09-01 to 2026-09-30"), "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z",
                "2026-09-01 to 2026-09-30");
        assertPeriod(utc.resolve("year to date"), "2026-01-01T00:00:00Z", "2026-11-26T15:00:00Z", "2026 to date");
        assertPeriod(utc.resolve(null, "2026-09-01", "2026-09-30"), "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z",
                "2026-09-01 to 2026-09-30");
    }

    @Test
    void lastQuarterInJanuaryIsTheYearBefore() {
        assertPeriod(at("2026-01-10T12:00:00Z", ZoneOffset.UTC).resolve("last quarter"),
                "2025-10-01T00:00:00Z", "2026-01-01T00:00:00Z", "Q4 2025");
        assertPeriod(at("2026-01-10T12:00:00Z", ZoneOffset.UTC).resolve("last month"),
                "2025-12-01T00:00:00Z", "2026-01-01T00:00:00Z", "December 2025");
    }

    @Test
    void monthEndsAndLeapDays() {
        PeriodResolver leap = at("2024-03-31T12:00:00Z", ZoneOffset.UTC);
        assertPeriod(leap.resolve("last month"), "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", "February 2024");
        // one calendar month before 31 March is 29 February in a leap year
        assertPeriod(leap.resolve("last 1 month"), "2024-02-29T12:00:00Z", "2024-03-31T12:00:00Z", "last 1 month");
        assertPeriod(leap.resolve("2024-02-28 to 2024-02-29"), "2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z",
                "2024-02-28 to 2024-02-29");
        assertPeriod(leap.resolve("2023-02"), "2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z", "February 2023");
        assertPeriod(at("2026-05-31T08:00:00Z", ZoneOffset.UTC).resolve("last 3 months"),
                "2026-02-28T08:00:00Z", "2026-05-31T08:00:00Z", "last 3 months");
    }

    @Test
    void newYorkMonthsStartAtLocalMidnight() {
        PeriodResolver ny = at("2026-11-26T15:00:00Z", NEW_YORK);
        // October: EDT (UTC-4) at both ends; 1 November 00:00 is still EDT (DST ends at 02:00)
        assertPeriod(ny.resolve("last month"), "2026-10-01T04:00:00Z", "2026-11-01T04:00:00Z", "October 2026");
        // December starts in EST (UTC-5)
        assertPeriod(ny.resolve("2026-11"), "2026-11-01T04:00:00Z", "2026-12-01T05:00:00Z", "November 2026");
    }

    @Test
    void daysAcrossBothDaylightSavingChangesAreCalendarDays() {
        // DST ends on 2026-11-01 in New York: the 7 days before 2026-11-05 12:00 EST hold 169 hours
        Period autumn = at("2026-11-05T17:00:00Z", NEW_YORK).resolve("last 7 days");
        assertThat(autumn.fromInstant()).isEqualTo(Instant.parse("2026-10-29T16:00:00Z")); // 12:00 EDT
        assertThat(Duration.between(autumn.fromInstant(), autumn.toInstant())).isEqualTo(Duration.ofHours(169));
        // DST starts on 2026-03-08: the 7 days before 2026-03-12 12:00 EDT hold 167 hours
        Period spring = at("2026-03-12T16:00:00Z", NEW_YORK).resolve("last 7 days");
        assertThat(spring.fromInstant()).isEqualTo(Instant.parse("2026-03-05T17:00:00Z")); // 12:00 EST
        assertThat(Duration.between(spring.fromInstant(), spring.toInstant())).isEqualTo(Duration.ofHours(167));
        // the day of the change is 23 hours long in spring and 25 in autumn
        Period march8 = at("2026-03-20T12:00:00Z", NEW_YORK).resolve("2026-03-08 to 2026-03-08");
        assertThat(Duration.between(march8.fromInstant(), march8.toInstant())).isEqualTo(Duration.ofHours(23));
        Period november1 = at("2026-11-20T12:00:00Z", NEW_YORK).resolve(null, "2026-11-01", "2026-11-01");
        assertThat(Duration.between(november1.fromInstant(), november1.toInstant())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void anythingElseIsAnErrorThatListsWhatIsAccepted() {
        assertThatThrownBy(() -> utc.resolve("since forever")).isInstanceOf(PeriodException.class)
                .hasMessageContaining("'since forever' is not a period I understand")
                .hasMessageContaining("last N days|weeks|months").hasMessageContaining("Q3 2026");
        assertThatThrownBy(() -> utc.resolve("2026-13")).hasMessageContaining("there is no month 13");
        assertThatThrownBy(() -> utc.resolve("last 0 days")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> utc.resolve(null, "2026-09-30", "2026-09-01")).hasMessageContaining("is before from");
        assertThatThrownBy(() -> utc.resolve(null, "2026-09-31", "2026-10-01")).hasMessageContaining("from: '2026-09-31'");
        assertThatThrownBy(() -> utc.resolve(null, "2026-09-01", null)).hasMessageContaining("give both from and to");
    }

    @Test
    void eachRefusalNamesTheInputAtFault() {
        String[][] cases = {
            // phrase, from, to, field, reason (the message without the field's name in front)
            {"since forever", null, null, "period", "'since forever' is not a period I understand"},
            {"since 2026-02-30", null, null, "period", "'2026-02-30' is not a date (YYYY-MM-DD)"},
            {null, "2026-09-31", "2026-10-01", "from", "'2026-09-31' is not a date (YYYY-MM-DD)"},
            {null, "2026-09-01", "2026-09-31", "to", "'2026-09-31' is not a date (YYYY-MM-DD)"},
            {null, "2026-09-30", "2026-09-01", "to", "to (2026-09-01) is before from (2026-09-30)"},
            {null, "2026-09-01", null, "to", "give both from and to (YYYY-MM-DD, to inclusive), or a period phrase"},
            {null, null, "2026-09-01", "from", "give both from and to (YYYY-MM-DD, to inclusive), or a period phrase"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> utc.resolve(c[0], c[1], c[2])).as(String.join(" | ", String.valueOf(c[0]), String.valueOf(c[1]),
                            String.valueOf(c[2])))
                    .isInstanceOfSatisfying(PeriodException.class, e -> {
                        assertThat(e.field()).isEqualTo(c[3]);
                        assertThat(e.reason()).startsWith(c[4]);
                    });
        }
    }

    static final String ACCEPTED_RANGE = "(from 1970-01-01T00:00:00Z up to, not including, 2100-01-01T00:00:00Z)";

    @Test
    void periodsOutsideTheAcceptedInstantsAreRefusedNamingTheField() {
        // 9999 months are 833 years and 3 months
        assertThatThrownBy(() -> utc.resolve("last 9999 months")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("'last 9999 months' would start at 1193-08-26T15:00Z, before the accepted instants "
                        + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve("since 1969-12-31")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("'since 1969-12-31' would start at 1969-12-31T00:00Z, before the accepted instants "
                        + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve("Q1 2100")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("'Q1 2100' would end at 2100-04-01T00:00Z, after the accepted instants " + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve("0001-01")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("'January 1' would start at 0001-01-01T00:00Z, before the accepted instants " + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve(null, "1969-12-31", "2026-09-30")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("from: '1969-12-31 to 2026-09-30' would start at 1969-12-31T00:00Z, before the accepted "
                        + "instants " + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve(null, "2026-09-01", "2100-01-01")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("to: '2026-09-01 to 2100-01-01' would end at 2100-01-02T00:00Z, after the accepted "
                        + "instants " + ACCEPTED_RANGE);
        // the last date there is: refused before the day after it is asked for (which does not exist)
        assertThatThrownBy(() -> utc.resolve(null, "2026-09-01", "+999999999-12-31")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("to: '2026-09-01 to +999999999-12-31' would end after the accepted instants " + ACCEPTED_RANGE);
        assertThatThrownBy(() -> utc.resolve(null, "-999999999-01-01", "2026-09-30")).isExactlyInstanceOf(PeriodException.class)
                .hasMessage("from: '-999999999-01-01 to 2026-09-30' would start at -999999999-01-01T00:00Z, before the "
                        + "accepted instants " + ACCEPTED_RANGE);
    }

    @Test
    void theRangeEdgesAreCutInTheBusinessZone() {
        // January 1970 starts at 1970-01-01T05:00Z in New York (in), at 1969-12-31T23:00Z in Berlin (out)
        assertPeriod(at("2026-11-26T15:00:00Z", NEW_YORK).resolve("1970-01"), "1970-01-01T05:00:00Z",
                "1970-02-01T05:00:00Z", "January 1970");
        assertThatThrownBy(() -> at("2026-11-26T15:00:00Z", ZoneId.of("Europe/Berlin")).resolve("1970-01"))
                .isExactlyInstanceOf(PeriodException.class).hasMessageStartingWith("'January 1970' would start at "
                        + "1970-01-01T00:00+01:00, before");
        // December 2099 ends exactly at the (exclusive) end in UTC: in; five hours later in New York: out
        assertPeriod(utc.resolve("2099-12"), "2099-12-01T00:00:00Z", "2100-01-01T00:00:00Z", "December 2099");
        assertThatThrownBy(() -> at("2026-11-26T15:00:00Z", NEW_YORK).resolve("2099-12"))
                .isExactlyInstanceOf(PeriodException.class)
                .hasMessageStartingWith("'December 2099' would end at 2100-01-01T00:00-05:00, after");
        assertPeriod(utc.resolve(null, "1970-01-01", "2099-12-31"), "1970-01-01T00:00:00Z", "2100-01-01T00:00:00Z",
                "1970-01-01 to 2099-12-31");
    }
}

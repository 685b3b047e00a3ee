package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.knowledge.SlaPolicies.Calendar;
import com.escalationanalyst.sla.SlaClock.Pause;
import com.escalationanalyst.sla.SlaClock.Reading;
import com.escalationanalyst.sla.SlaClock.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time and SLA clocks worked out by hand: weekends, a holiday, daylight saving, after hours, pauses. */
class SlaClockTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final SlaPolicies POLICIES = SlaPolicies.parse("""
            calendars:
              business:
                zone: America/New_York
                hours: {monday: 09:00-17:00, tuesday: 09:00-17:00, wednesday: 09:00-17:00, thursday: 09:00-17:00,
                        friday: 09:00-17:00}
                holidays: [2026-12-25]
              nights:
                zone: America/New_York
                hours: {sunday: 00:00-06:00}
              always:
                zone: UTC
                hours: 24x7
            policies:
              - name: any
                calendar: business
                first-response: {normal: 4h}
            """);
    static final Calendar BUSINESS = POLICIES.calendars().get("business");

    static Instant ny(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute).atZone(NEW_YORK).toInstant();
    }

    @Test
    void aFridayAfternoonTicketIsDueOnMondayMorning() {
        // Friday 27 November 16:00: one hour on Friday, the weekend closed, three on Monday from 09:00 -> 12:00
        assertThat(BusinessTime.plus(BUSINESS, ny(11, 27, 16, 0), Duration.ofHours(4))).isEqualTo(ny(11, 30, 12, 0));
        assertThat(BusinessTime.between(BUSINESS, ny(11, 27, 16, 0), ny(11, 30, 12, 0))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aTicketCreatedOutsideBusinessHoursStartsAtTheNextOpening() {
        // Saturday 10:00: nothing counts until Monday 09:00, due 13:00; Monday 08:00 likewise due 13:00
        assertThat(BusinessTime.plus(BUSINESS, ny(11, 28, 10, 0), Duration.ofHours(4))).isEqualTo(ny(11, 30, 13, 0));
        assertThat(BusinessTime.plus(BUSINESS, ny(11, 30, 8, 0), Duration.ofHours(4))).isEqualTo(ny(11, 30, 13, 0));
        assertThat(BusinessTime.between(BUSINESS, ny(11, 28, 10, 0), ny(11, 30, 9, 0))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aHolidayIsClosedAllDay() {
        // Thursday 24 December 15:00: two hours that day, Friday the 25th a holiday, then Monday 09:00 + 2 h = 11:00
        assertThat(BusinessTime.plus(BUSINESS, ny(12, 24, 15, 0), Duration.ofHours(4))).isEqualTo(ny(12, 28, 11, 0));
    }

    @Test
    void openingHoursAreLocalTimeAcrossTheDaylightSavingChange() {
        // Friday 30 October 16:00 EDT (20:00Z) + 2 h: one on Friday, one from Monday 2 November 09:00 EST (14:00Z)
        assertThat(BusinessTime.plus(BUSINESS, ny(10, 30, 16, 0), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-11-02T15:00:00Z"));
        // Sunday 1 November 00:00-06:00 local holds seven real hours: 01:00-02:00 happens twice as clocks fall back
        Calendar nights = POLICIES.calendars().get("nights");
        assertThat(BusinessTime.between(nights, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")))
                .isEqualTo(Duration.ofHours(7));
        // the Sunday before it has six
        assertThat(BusinessTime.between(nights, Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z")))
                .isEqualTo(Duration.ofHours(6));
        // a 24x7 calendar counts real time
        Calendar always = POLICIES.calendars().get("always");
        assertThat(BusinessTime.plus(always, ny(10, 31, 23, 0), Duration.ofHours(4))).isEqualTo(ny(11, 1, 2, 0));
    }

    @Test
    void aPendingPauseStopsTheClockAndMovesTheDueTime() {
        // Monday 30 November 09:00, 8 h target, pending 11:00-14:00, read at 16:00: 7 h open minus 3 h paused = 4 h;
        // due: 2 h before the pause, 3 h from 14:00 to 17:00, the last 3 h on Tuesday from 09:00 -> 12:00
        List<Pause> pauses = List.of(new Pause(ny(11, 30, 11, 0), ny(11, 30, 14, 0)));
        Reading r = SlaClock.read(BUSINESS, ny(11, 30, 9, 0), null, Duration.ofHours(8), pauses, ny(11, 30, 16, 0), 0.75);
        assertThat(r.elapsed()).isEqualTo(Duration.ofHours(4));
        assertThat(r.due()).isEqualTo(ny(12, 1, 12, 0));
        assertThat(r.paused()).isFalse();
        assertThat(r.state()).isEqualTo(State.ACTIVE);
        // still pending at 16:00 since 15:00: 7 h open, 1 h paused, no due time while paused
        Reading paused = SlaClock.read(BUSINESS, ny(11, 30, 9, 0), null, Duration.ofHours(8),
                List.of(new Pause(ny(11, 30, 15, 0), null)), ny(11, 30, 16, 0), 0.75);
        assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(6));
        assertThat(paused.due()).isNull();
        assertThat(paused.paused()).isTrue();
        // a pause before the ticket existed counts from its creation only
        Reading early = SlaClock.read(BUSINESS, ny(11, 30, 9, 0), null, Duration.ofHours(8),
                List.of(new Pause(ny(11, 27, 9, 0), ny(11, 30, 10, 0))), ny(11, 30, 12, 0), 0.75);
        assertThat(early.elapsed()).isEqualTo(Duration.ofHours(2));
        assertThat(early.due()).isEqualTo(ny(12, 1, 10, 0));
    }

    @Test
    void statesFromActiveToBreached() {
        Instant created = ny(11, 30, 9, 0);
        // first response target 4 h: at 11:00 half used (active), at 12:00 75 % (at risk), at 13:00 used up (breached)
        assertThat(SlaClock.read(BUSINESS, created, null, Duration.ofHours(4), List.of(), ny(11, 30, 11, 0), 0.75).state())
                .isEqualTo(State.ACTIVE);
        assertThat(SlaClock.read(BUSINESS, created, null, Duration.ofHours(4), List.of(), ny(11, 30, 12, 0), 0.75).state())
                .isEqualTo(State.AT_RISK);
        assertThat(SlaClock.read(BUSINESS, created, null, Duration.ofHours(4), List.of(), ny(11, 30, 13, 0), 0.75).state())
                .isEqualTo(State.BREACHED);
        // answered at 12:59: achieved whenever it is read; at 13:01: breached
        assertThat(SlaClock.read(BUSINESS, created, ny(11, 30, 12, 59), Duration.ofHours(4), List.of(), ny(12, 5, 0, 0), 0.75)
                .state()).isEqualTo(State.ACHIEVED);
        assertThat(SlaClock.read(BUSINESS, created, ny(11, 30, 13, 1), Duration.ofHours(4), List.of(), ny(12, 5, 0, 0), 0.75)
                .state()).isEqualTo(State.BREACHED);
    }
}

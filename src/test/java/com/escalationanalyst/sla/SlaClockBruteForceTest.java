package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.knowledge.SlaPolicies.Calendar;
import com.escalationanalyst.sla.SlaClock.Pause;
import com.escalationanalyst.sla.SlaClock.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A second, plain implementation of the SLA clock for a random sample: it walks minute by minute, asking of each
 * minute whether its local time in the calendar's zone falls in opening hours on a non-holiday and outside every
 * pause, and counts. The sample spans both autumn daylight-saving changes (Berlin 25 October, New York 1 November),
 * a holiday, weekends, split opening hours and a 24x7 calendar.
 */
class SlaClockBruteForceTest {

    static final SlaPolicies POLICIES = SlaPolicies.parse("""
            calendars:
              newyork:
                zone: America/New_York
                hours: {monday: 09:00-17:00, tuesday: 09:00-17:00, wednesday: 09:00-17:00, thursday: 09:00-17:00,
                        friday: 09:00-17:00}
                holidays: [2026-11-26]
              berlin:
                zone: Europe/Berlin
                hours: {monday: "08:00-12:00, 13:00-17:00", tuesday: "08:00-12:00, 13:00-17:00",
                        wednesday: "08:00-12:00, 13:00-17:00", thursday: "08:00-12:00, 13:00-17:00",
                        friday: "08:00-12:00, 13:00-17:00", saturday: 09:00-13:00, sunday: 00:00-24:00}
                holidays: [2026-10-26]
              always:
                zone: UTC
                hours: 24x7
            policies:
              - name: any
                calendar: always
                first-response: {normal: 4h}
            """);

    /** Whether the minute starting at {@code t} is business time (the plain rule, one minute at a time). */
    static boolean open(Calendar c, Instant t, List<Pause> pauses) {
        for (Pause p : pauses) {
            if (!t.isBefore(p.from()) && (p.to() == null || t.isBefore(p.to()))) {
                return false;
            }
        }
        if (c.alwaysOpen()) {
            return true;
        }
        ZonedDateTime local = t.atZone(c.zone());
        if (c.holidays().contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (LocalTime[] span : c.hours().getOrDefault(local.getDayOfWeek(), List.of())) {
            if (!time.isBefore(span[0]) && (span[1].equals(LocalTime.MAX) || time.isBefore(span[1]))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theClockAgreesWithMinuteCountingOnARandomSample() {
        Random random = new Random(20261201);
        Instant base = Instant.parse("2026-10-20T00:00:00Z");
        int checked = 0;
        for (String name : List.of("newyork", "berlin", "always")) {
            Calendar calendar = POLICIES.calendars().get(name);
            for (int i = 0; i < 60; i++) {
                Instant start = base.plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
                Duration target = Duration.ofMinutes(30 + random.nextInt(40 * 60));
                List<Pause> pauses = new ArrayList<>();
                Instant cursor = start.minus(Duration.ofMinutes(random.nextInt(600)));
                for (int k = random.nextInt(3); k > 0; k--) {
                    Instant from = cursor.plus(Duration.ofMinutes(random.nextInt(3000)));
                    Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(2000)));
                    pauses.add(new Pause(from, to));
                    cursor = to;
                }
                Instant now = start.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));

                long elapsed = 0;
                for (Instant t = start; t.isBefore(now); t = t.plusSeconds(60)) {
                    elapsed += open(calendar, t, pauses) ? 1 : 0;
                }
                // the clock has no due time while a pause lasts at the time of reading
                boolean pausedNow = pauses.stream().anyMatch(p -> !p.from().isAfter(now) && now.isBefore(p.to()));
                Instant due = null;
                long used = 0;
                for (Instant t = start; due == null && !pausedNow; t = t.plusSeconds(60)) {
                    if (open(calendar, t, pauses) && ++used == target.toMinutes()) {
                        due = t.plusSeconds(60);
                    }
                }

                Reading reading = SlaClock.read(calendar, start, null, target, pauses, now, 0.75);
                String what = name + " start " + start + " target " + target + " pauses " + pauses.stream()
                        .map(p -> p.from() + ".." + p.to()).toList() + " now " + now;
                assertThat(reading.elapsed().toMinutes()).as(what).isEqualTo(elapsed);
                assertThat(reading.due()).as(what).isEqualTo(due);
                assertThat(reading.paused()).as(what).isEqualTo(pausedNow);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(180);
    }
}

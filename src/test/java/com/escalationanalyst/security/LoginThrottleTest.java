package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The failed-login policy on a clock the test moves; every delay below is worked out by hand. */
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    // the defaults of application.yaml
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(5, 10, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofMinutes(15), 1000), clock);

    @Test
    void anAddressWaitsAfterFiveFailuresDoublingUpToFifteenMinutes() {
        // the same address guessing the passwords of different users: only the address counts up
        for (int i = 1; i <= 5; i++) {
            throttle.failed("user" + i, "10.0.0.66");
            assertThat(throttle.check("someone", "10.0.0.66").allowed()).as("failure " + i + " is free").isTrue();
        }
        // failure 6 → 1 s, 7 → 2 s, 8 → 4 s, ... 15 → 2^9 = 512 s, 16 → 1024 s capped at 900 s
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (int i = 0; i < expected.length; i++) {
            throttle.failed("user" + (6 + i), "10.0.0.66");
            LoginThrottle.Verdict verdict = throttle.check("someone", "10.0.0.66");
            assertThat(verdict.allowed()).isFalse();
            assertThat(verdict.delay()).as("failure " + (6 + i)).isEqualTo(Duration.ofSeconds(expected[i]));
            assertThat(verdict.retryAfterSeconds()).isEqualTo(expected[i]);
            assertThat(verdict.reason()).isEqualTo("too many failed logins from this address");
            clock.advance(Duration.ofSeconds(expected[i]));
            assertThat(throttle.check("someone", "10.0.0.66").allowed()).as("free again after the delay").isTrue();
        }
        assertThat(throttle.check("someone", "10.0.0.7").allowed()).as("another address never waited").isTrue();
    }

    @Test
    void aUserAttackedFromManyAddressesWaitsAtMostSixtySeconds() {
        for (int i = 1; i <= 10; i++) {
            throttle.failed("admin", "10.1.0." + i);
        }
        assertThat(throttle.check("admin", "10.0.0.7").allowed()).as("ten free failures per user").isTrue();
        // failure 11 → 1 s, 12 → 2 s, ..., 16 → 32 s, 17 → 64 s capped at 60 s, and so on for ever
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (int i = 0; i < expected.length; i++) {
            throttle.failed("admin", "10.2.0." + i);
            LoginThrottle.Verdict verdict = throttle.check("admin", "10.0.0.7");
            assertThat(verdict.delay()).as("failure " + (11 + i)).isEqualTo(Duration.ofSeconds(expected[i]));
            assertThat(verdict.reason()).isEqualTo("too many failed logins for this user");
            clock.advance(Duration.ofSeconds(expected[i]));
            assertThat(throttle.check("admin", "10.0.0.7").allowed()).isTrue();
        }
        assertThat(throttle.check("Admin", "10.0.0.8").allowed()).isTrue();
        throttle.failed("ADMIN", "10.3.0.1");
        assertThat(throttle.check("admin", "10.0.0.8").delay()).as("user ids count case-insensitively")
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theLongerOfTheTwoWaitsIsAnswered() {
        for (int i = 1; i <= 7; i++) {
            throttle.failed("u" + i, "10.0.0.66"); // address: failure 7 → 2 s
        }
        for (int i = 1; i <= 11; i++) {
            throttle.failed("admin", "10.4.0." + i); // user: failure 11 → 1 s
        }
        LoginThrottle.Verdict verdict = throttle.check("admin", "10.0.0.66");
        assertThat(verdict.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(verdict.reason()).isEqualTo("too many failed logins from this address");
    }

    @Test
    void failuresAreForgottenFifteenQuietMinutesAfterTheWaitEndedAndClearedBySuccess() {
        for (int i = 1; i <= 6; i++) {
            throttle.failed("admin", "10.0.0.66");
        }
        assertThat(throttle.check("x", "10.0.0.66").delay()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(14));
        throttle.failed("admin", "10.0.0.66"); // failure 7, 14 min after the 6th: still remembered → 2 s
        assertThat(throttle.check("x", "10.0.0.66").delay()).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofMinutes(15));
        throttle.failed("admin", "10.0.0.66"); // 15 min after failure 7 but its 2 s wait ended later: failure 8 → 4 s
        assertThat(throttle.check("x", "10.0.0.66").delay()).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofMinutes(15).plusSeconds(4));
        throttle.failed("admin", "10.0.0.66"); // 15 quiet minutes after the wait ended: failure 1 again
        assertThat(throttle.check("x", "10.0.0.66").allowed()).isTrue();

        for (int i = 1; i <= 5; i++) {
            throttle.failed("admin", "10.0.0.66"); // failures 2..6 → 1 s
        }
        assertThat(throttle.check("x", "10.0.0.66").allowed()).isFalse();
        throttle.succeeded("admin", "10.0.0.66");
        assertThat(throttle.check("admin", "10.0.0.66").allowed()).isTrue();
        throttle.failed("admin", "10.0.0.66");
        assertThat(throttle.check("admin", "10.0.0.66").allowed()).as("counting starts again at 1").isTrue();
    }

    @Test
    void theTableOfKeysStaysBounded() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Policy(5, 10, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofMinutes(15), 100), clock);
        for (int i = 0; i < 1000; i++) {
            small.failed("random-user-" + i, "10.9." + (i / 250) + "." + (i % 250));
            clock.advance(Duration.ofMillis(10));
        }
        // every failure adds two keys; the table is cut back to 100 whenever it passes 100
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(101);
    }
}

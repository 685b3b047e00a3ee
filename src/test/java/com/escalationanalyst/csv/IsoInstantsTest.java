package com.escalationanalyst.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.csv.IsoInstants;
import com.escalationanalyst.store.InstantRange;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void readsTheCommonShapesToUtc() {
        assertThat(IsoInstants.parseUtc("2026-10-01T09:30:00Z"))
                .isEqualTo(OffsetDateTime.of(2026, 10, 1, 9, 30, 0, 0, ZoneOffset.UTC));
        // 05:30 at -04:00 is 09:30 UTC
        assertThat(IsoInstants.parseUtc("2026-10-01T05:30:00.25-04:00"))
                .isEqualTo(OffsetDateTime.of(2026, 10, 1, 9, 30, 0, 250_000_000, ZoneOffset.UTC));
        // 00:15 at +05:30 is 18:45 UTC the day before, across a month and year end
        assertThat(IsoInstants.parseUtc("2027-01-01T00:15+05:30"))
                .isEqualTo(OffsetDateTime.of(2026, 12, 31, 18, 45, 0, 0, ZoneOffset.UTC));
        assertThat(IsoInstants.parseUtc("2026-03-08T07:00:00.123456789Z").getNano()).isEqualTo(123_456_789);
    }

    @Test
    void refusesWhatTheFormatterRefuses() {
        for (String bad : List.of("2026-02-30T10:00:00Z", "2026-10-01T24:00:00Z", "2026-10-01T10:60:00Z",
                "2026-10-01T10:00:00", "2026-10-01 10:00:00Z", "2026-10-01T10:00:00+19:00", "2026-13-01T10:00:00Z",
                "2026-10-01T10:00:00.1234567890Z", "26-10-01T10:00:00Z", "yesterday")) {
            assertThatThrownBy(() -> IsoInstants.parseUtc(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    /** Texts near the valid shapes, mutated at random; each must be read exactly as the JDK formatter reads it. */
    @Test
    void agreesWithTheJdkFormatterOnNearMisses() {
        Random random = new Random(20261126);
        String[] seeds = {"2026-10-01T09:30:00Z", "2024-02-29T23:59:59.999-11:30", "2026-06-15T12:00+14:00",
                "2026-12-31T00:00:00.5+00:00", "2026-10-01t09:30:00z", "2026-10-01T09:30:00+02:00:30"};
        String alphabet = "0123456789-:+.TZtz ";
        List<String> texts = new ArrayList<>(List.of(seeds));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            texts.add(text.toString());
        }
        int accepted = 0;
        for (String text : texts) {
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                expected = null;
            }
            if (expected == null) {
                assertThatThrownBy(() -> IsoInstants.parseUtc(text)).as(text).isInstanceOf(DateTimeException.class);
            } else {
                accepted++;
                assertThat(IsoInstants.parseUtc(text)).as(text).isEqualTo(expected);
            }
        }
        // the mutations must exercise both sides
        assertThat(accepted).isBetween(1000, texts.size() - 1000);
    }

    static final InstantRange RANGE = new InstantRange(Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    @Test
    void instantsOutsideTheRangeAreRefusedAsSuchAtBothEnds() {
        for (String outside : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:59:59+01:00", "2100-01-01T00:00:00Z",
                "2099-12-31T20:00:00-04:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            assertThatThrownBy(() -> IsoInstants.parseUtc(outside, RANGE)).as(outside)
                    .isExactlyInstanceOf(IsoInstants.OutOfRangeException.class);
        }
        // the edges: the first instant of 1970 (also written at +01:00) and the last before 2100 are in
        assertThat(IsoInstants.parseUtc("1970-01-01T00:00:00Z", RANGE))
                .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(IsoInstants.parseUtc("1970-01-01T01:00:00+01:00", RANGE))
                .isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(IsoInstants.parseUtc("2099-12-31T23:59:59.999999999Z", RANGE))
                .isEqualTo(OffsetDateTime.of(2099, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC));
        // a malformed text stays a plain refusal, not a range one
        assertThatThrownBy(() -> IsoInstants.parseUtc("2026-02-30T10:00:00Z", RANGE))
                .isExactlyInstanceOf(java.time.format.DateTimeParseException.class);
    }
}

package com.escalationanalyst.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.helpdesk.TicketRollups.Range;
import com.escalationanalyst.helpdesk.TicketRollups.Split;
import com.escalationanalyst.helpdesk.TicketRollups.Unit;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which part of a period the rollups serve: the expected instants are written out by hand (Berlin is UTC+1/+2). */
class TicketRollupsSplitTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aWholeMonthIsAllRollupAndNoEdge() {
        // March 2026 in Berlin: 1 March 00:00 CET (UTC+1) to 1 April 00:00 CEST (UTC+2)
        Optional<Split> split = TicketRollups.split(Unit.MONTH, at("2026-02-28T23:00:00Z"), at("2026-03-31T22:00:00Z"),
                BERLIN);
        assertThat(split).contains(new Split(new Range(at("2026-02-28T23:00:00Z"), at("2026-03-31T22:00:00Z")), List.of()));
    }

    @Test
    void partialUnitsAtBothEndsAreEdges() {
        // 10 March 12:00 CET to 2 June 06:00 CEST: whole months April and May
        Optional<Split> split = TicketRollups.split(Unit.MONTH, at("2026-03-10T11:00:00Z"), at("2026-06-02T04:00:00Z"),
                BERLIN);
        assertThat(split).contains(new Split(new Range(at("2026-03-31T22:00:00Z"), at("2026-05-31T22:00:00Z")),
                List.of(new Range(at("2026-03-10T11:00:00Z"), at("2026-03-31T22:00:00Z")),
                        new Range(at("2026-05-31T22:00:00Z"), at("2026-06-02T04:00:00Z")))));
    }

    @Test
    void theDaysOfTwentyThreeAndTwentyFiveHoursAreWholeDays() {
        // 29 March 2026 (23 h: 28 March 23:00Z to 29 March 22:00Z) and 25 October 2026 (25 h: 24 October 22:00Z to
        // 25 October 23:00Z)
        assertThat(TicketRollups.split(Unit.DAY, at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), BERLIN))
                .contains(new Split(new Range(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z")), List.of()));
        assertThat(TicketRollups.split(Unit.DAY, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"), BERLIN))
                .contains(new Split(new Range(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z")), List.of()));
        assertThat(TicketRollups.startsUnit(Unit.DAY, at("2026-10-25T23:00:00Z"), BERLIN)).isTrue();
        assertThat(TicketRollups.startsUnit(Unit.DAY, at("2026-10-25T22:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void noWholeUnitInsideMeansNoSplit() {
        // from 1 March 12:00 to 31 March 23:00 Berlin time: no whole month
        assertThat(TicketRollups.split(Unit.MONTH, at("2026-03-01T11:00:00Z"), at("2026-03-31T21:00:00Z"), BERLIN)).isEmpty();
        // part of one day, and an empty period
        assertThat(TicketRollups.split(Unit.DAY, at("2026-03-02T08:00:00Z"), at("2026-03-02T20:00:00Z"), BERLIN)).isEmpty();
        assertThat(TicketRollups.split(Unit.DAY, at("2026-03-02T08:00:00Z"), at("2026-03-02T08:00:00Z"), BERLIN)).isEmpty();
    }

    @Test
    void aPeriodOfAnotherZoneUsesTheRollupZonesWholeUnits() {
        // UTC's March read from rollups built for Berlin: 1 March 00:00Z is 01:00 in Berlin, so whole Berlin days
        // run from 1 March 23:00Z to 31 March 22:00Z, and an edge of 23 hours and one of 2 hours remain
        assertThat(TicketRollups.split(Unit.DAY, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"), BERLIN))
                .contains(new Split(new Range(at("2026-03-01T23:00:00Z"), at("2026-03-31T22:00:00Z")),
                        List.of(new Range(at("2026-03-01T00:00:00Z"), at("2026-03-01T23:00:00Z")),
                                new Range(at("2026-03-31T22:00:00Z"), at("2026-04-01T00:00:00Z")))));
    }

    /** Figures per key from the rollup and the edges: keys of either part kept, keys of both summed. */
    @Test
    void figuresPerKeyAddUpKeyByKey() {
        Map<String, Long> whole = new HashMap<>(Map.of("bug|tier2", 7L, "config|tier1", 2L));
        Map<String, Long> edge = Map.of("bug|tier2", 3L, "billing|ops", 1L);
        assertThat(TicketRollups.<String, Long>byKey(Long::sum).apply(whole, edge))
                .isEqualTo(Map.of("bug|tier2", 10L, "config|tier1", 2L, "billing|ops", 1L));
    }
}

package com.escalationanalyst.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.AccountRow;
import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final ReasonCodeMap CODES = ReasonCodeMap.seed();

    static List<TicketRow> tickets(long seed, Instant now, ZoneId zone) {
        List<TicketRow> rows = new ArrayList<>();
        Iterator<TicketRow> it = new DemoDataGenerator(seed, now, zone, CODES).tickets();
        it.forEachRemaining(rows::add);
        return rows;
    }

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedDoesNot() {
        DemoDataGenerator a = new DemoDataGenerator(7, NOW, ZoneOffset.UTC, CODES);
        DemoDataGenerator b = new DemoDataGenerator(7, NOW, ZoneOffset.UTC, CODES);
        assertThat(a.accounts()).isEqualTo(b.accounts());
        List<TicketRow> first = tickets(7, NOW, ZoneOffset.UTC);
        assertThat(tickets(7, NOW, ZoneOffset.UTC)).isEqualTo(first);
        assertThat(tickets(8, NOW, ZoneOffset.UTC)).isNotEqualTo(first);
    }

    @Test
    void twelveFullMonthsOfAboutFiveThousandTicketsAndTheCurrentMonthUpToNow() {
        List<TicketRow> tickets = tickets(20261101, NOW, ZoneOffset.UTC);
        Map<YearMonth, Long> perMonth = tickets.stream().collect(Collectors.groupingBy(
                t -> YearMonth.from(t.createdAt()), TreeMap::new, Collectors.counting()));
        assertThat(perMonth.keySet()).first().isEqualTo(YearMonth.of(2025, 11));
        assertThat(perMonth.keySet()).last().isEqualTo(YearMonth.of(2026, 11));
        assertThat(perMonth).hasSize(13);
        perMonth.forEach((month, count) -> {
            if (!month.equals(YearMonth.of(2026, 11))) {
                assertThat(count).as(month.toString()).isBetween(4_500L, 5_800L);
            }
        });
        assertThat(tickets).allSatisfy(t -> assertThat(t.createdAt().toInstant()).isBefore(NOW));
        assertThat(tickets.stream().map(TicketRow::ticketId).distinct().count()).isEqualTo(tickets.size());
    }

    @Test
    void timestampsAreConsistent() {
        for (TicketRow t : tickets(3, NOW, ZoneId.of("America/New_York"))) {
            assertThat(t.escalated()).isEqualTo(t.escalatedAt() != null);
            if (t.escalatedAt() != null) {
                assertThat(t.escalatedAt()).isAfterOrEqualTo(t.createdAt());
            }
            if (t.resolvedAt() != null) {
                assertThat(t.resolvedAt()).isAfterOrEqualTo(t.createdAt());
                assertThat(t.resolvedAt().toInstant()).isBefore(NOW);
                assertThat(t.status()).isIn("solved", "closed");
            } else {
                assertThat(t.status()).isIn("new", "open", "pending");
            }
        }
    }

    @Test
    void aboutAThousandAccountsAcrossSegmentsTiersAndRegions() {
        List<AccountRow> accounts = new DemoDataGenerator(1, NOW, ZoneOffset.UTC, CODES).accounts();
        assertThat(accounts.size()).isBetween(950, 1050);
        assertThat(accounts.stream().map(AccountRow::segment).distinct())
                .containsExactlyInAnyOrder("SMB", "Mid-Market", "Enterprise", "Public Sector");
        assertThat(accounts.stream().map(AccountRow::tier).distinct())
                .containsExactlyInAnyOrder("Standard", "Premium", "Strategic");
        assertThat(accounts.stream().map(AccountRow::region).distinct()).hasSize(4);
    }
}

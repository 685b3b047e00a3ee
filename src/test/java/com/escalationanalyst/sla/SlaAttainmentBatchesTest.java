package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.Period;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attainment reads a period's tickets in batches and each batch's status changes with it: every ticket must
 * still get its own pauses, in the first, a middle and the last (short) batch. Expected states worked out here on
 * a 24x7 calendar, where a running clock is simply the time since creation less the time pending.
 */
class SlaAttainmentBatchesTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Instant FIRST = Instant.parse("2026-11-29T12:00:05Z");
    static final Duration TARGET = Duration.ofHours(8);

    @Test
    void eachTicketKeepsItsOwnPausesAcrossBatches() {
        var dataSource = SlaSeparateStoresTest.h2();
        HelpdeskDatabase helpdesk = new HelpdeskDatabase(dataSource);
        CrmDatabase crm = new CrmDatabase(dataSource);
        helpdesk.migrate();
        crm.migrate();
        int n = 2 * SlaAttainment.BATCH + 7;
        List<Object[]> tickets = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<String> expectedBreached = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "T-" + i;
            // created 10 s apart from 12:00:05 (never a whole hour before NOW: no ticket sits exactly on its target)
            Instant created = FIRST.plusSeconds(10L * i);
            tickets.add(new Object[] {id, created.atOffset(ZoneOffset.UTC)});
            Duration paused = Duration.ZERO;
            if (i % 5 == 1) {
                // pending half an hour after creation and still pending: 30 minutes used
                changes.add(new Object[] {id, created.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC), "pending"});
                paused = Duration.between(created.plus(Duration.ofMinutes(30)), NOW);
            } else if (i % 3 == 0) {
                // pending for 1 to 10 hours from an hour after creation, then open again (before NOW)
                Instant from = created.plus(Duration.ofHours(1));
                Instant until = from.plus(Duration.ofHours(1 + i % 10));
                changes.add(new Object[] {id, from.atOffset(ZoneOffset.UTC), "pending"});
                changes.add(new Object[] {id, until.atOffset(ZoneOffset.UTC), "open"});
                paused = Duration.between(from, until);
            }
            Duration used = Duration.between(created, NOW).minus(paused);
            if (used.compareTo(TARGET) > 0) {
                expectedBreached.add(id);
            }
        }
        helpdesk.jdbc().batchUpdate("INSERT INTO ticket (ticket_id, created_at, status, priority, channel, escalated)"
                + " VALUES (?, ?, 'open', 'normal', 'email', FALSE)", tickets);
        helpdesk.jdbc().batchUpdate("INSERT INTO ticket_status_change (ticket_id, changed_at, status) VALUES (?, ?, ?)",
                changes);
        SlaPolicies policies = SlaPolicies.parse("""
                calendars:
                  always: {zone: UTC, hours: 24x7}
                policies:
                  - name: Everyone
                    calendar: always
                    pause-while-pending: true
                    resolution: {normal: 8h}
                """);
        SlaAttainment attainment = new SlaAttainment(helpdesk, new SlaTickets(helpdesk, crm),
                Clock.fixed(NOW, ZoneOffset.UTC), new SlaSettings("R/PT5M", true, 0.75, "escalation-analysts"));

        List<String> breachedIds = new ArrayList<>();
        SlaAttainment.Counts counts = attainment.measure(new Period(ZonedDateTime.parse("2026-11-01T00:00:00Z"),
                ZonedDateTime.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC, "November 2026"), policies,
                (target, ticketId) -> breachedIds.add(target + " " + ticketId));

        int breached = expectedBreached.size();
        assertThat(breached).as("the fixture has both states").isBetween(1, n - 1);
        assertThat(counts.tickets()).isEqualTo(n);
        assertThat(counts.cells().get("resolution|all|all")).containsExactly(0, breached, n - breached);
        assertThat(breachedIds).containsExactlyInAnyOrderElementsOf(expectedBreached.stream().map(id -> "resolution " + id).toList());
        // none escalated: the breached tickets are b of the risk table, the others d
        assertThat(counts.risk()).containsExactly(0, breached, 0, n - breached);
    }
}

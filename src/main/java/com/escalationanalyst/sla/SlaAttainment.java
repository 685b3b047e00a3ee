package com.escalationanalyst.sla;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.knowledge.SlaPolicies.Policy;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.sla.SlaClock.Pause;
import com.escalationanalyst.sla.SlaClock.Reading;
import com.escalationanalyst.sla.SlaClock.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * SLA attainment of the tickets created in a period, as counts (the Python step turns them into rates): per target
 * (first response, resolution) and per value of each dimension (all, priority, segment, tier, team), the targets
 * met, breached and still running; and, per ticket, whether it breached a target and whether it escalated after
 * its first breach — the 2x2 table of the relative risk of escalation after a breach.
 * A target is met when its clock stopped within it (answered, resolved), breached when it stopped after it or is
 * still running past it, running otherwise. A ticket that is solved or closed stops its resolution clock at its
 * resolution time.
 */
@Component
public class SlaAttainment {

    public static final List<String> DIMENSIONS = List.of("all", "priority", "segment", "tier", "team");

    /** Met, breached and running targets per "target|dimension|value"; the risk table a, b, c, d. */
    public record Counts(Map<String, long[]> cells, long[] risk, int tickets, int withoutPolicy) {
    }

    private final HelpdeskDatabase helpdesk;
    private final SlaTickets tickets;
    private final Clock clock;
    private final SlaSettings settings;

    SlaAttainment(HelpdeskDatabase helpdesk, SlaTickets tickets, Clock clock, SlaSettings settings) {
        this.helpdesk = helpdesk;
        this.tickets = tickets;
        this.clock = clock;
        this.settings = settings;
    }

    public Counts measure(Period period, SlaPolicies policies) {
        Object from = period.fromInstant().atOffset(ZoneOffset.UTC);
        Object to = period.toInstant().atOffset(ZoneOffset.UTC);
        Map<String, List<Object[]>> changes = new HashMap<>();
        helpdesk.jdbc().query("""
                SELECT c.ticket_id, c.changed_at, c.status FROM ticket_status_change c JOIN ticket t ON t.ticket_id = c.ticket_id
                WHERE t.created_at >= ? AND t.created_at < ? ORDER BY c.ticket_id, c.changed_at""", rs -> {
            changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Object[] {rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)});
        }, from, to);
        List<Object[]> rows = helpdesk.jdbc().query("""
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, t.escalated, t.escalated_at, r.resolved_at
                FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id
                WHERE t.created_at >= ? AND t.created_at < ?""", (rs, n) -> new Object[] {rs.getString(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)), rs.getBoolean(9),
                instant(rs.getObject(10, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class))}, from, to);
        java.util.Set<String> accountIds = new java.util.HashSet<>();
        rows.forEach(r -> {
            if (r[5] != null) {
                accountIds.add((String) r[5]);
            }
        });
        Map<String, String[]> accounts = tickets.accounts(accountIds);
        Instant now = clock.instant();
        Map<String, long[]> cells = new TreeMap<>();
        long[] risk = new long[4];
        int withoutPolicy = 0;
        for (Object[] r : rows) {
            String[] account = r[5] == null ? null : accounts.get(r[5]);
            String tier = account == null ? null : account[0];
            String segment = account == null ? null : account[1];
            Optional<Policy> policy = policies.match((String) r[3], tier, segment, (String) r[4]);
            if (policy.isEmpty()) {
                withoutPolicy++;
                continue;
            }
            Instant created = (Instant) r[1];
            boolean closed = "solved".equals(r[2]) || "closed".equals(r[2]);
            List<Pause> pauses = policy.get().pauseWhilePending()
                    ? SlaTickets.pauses(changes.getOrDefault((String) r[0], List.of())) : List.of();
            Map<String, String> values = Map.of("all", "all", "priority", (String) r[3],
                    "segment", segment == null ? "unknown" : segment, "tier", tier == null ? "unknown" : tier,
                    "team", r[6] == null || ((String) r[6]).isBlank() ? SlaTickets.UNASSIGNED : (String) r[6]);
            Instant firstBreach = null;
            for (String target : List.of(SlaPolicies.FIRST_RESPONSE, SlaPolicies.RESOLUTION)) {
                Optional<Duration> duration = policy.get().target(target, (String) r[3]);
                if (duration.isEmpty()) {
                    continue;
                }
                boolean firstResponse = target.equals(SlaPolicies.FIRST_RESPONSE);
                Instant stop = firstResponse ? (Instant) r[7] : (closed ? (Instant) r[10] : null);
                if (!firstResponse && closed && stop == null) {
                    continue; // solved without a resolution time: its resolution cannot be measured
                }
                Reading reading = SlaClock.read(policies.calendarOf(policy.get()), created, stop, duration.get(),
                        firstResponse ? List.of() : pauses, now, settings.atRiskShare());
                int column = reading.state() == State.ACHIEVED ? 0 : reading.state() == State.BREACHED ? 1 : 2;
                for (String dimension : DIMENSIONS) {
                    cells.computeIfAbsent(target + "|" + dimension + "|" + values.get(dimension), k -> new long[3])[column]++;
                }
                if (reading.state() == State.BREACHED && reading.due() != null
                        && (firstBreach == null || reading.due().isBefore(firstBreach))) {
                    firstBreach = reading.due();
                }
            }
            boolean escalated = (Boolean) r[8];
            Instant escalatedAt = (Instant) r[9];
            if (firstBreach != null) {
                risk[escalated && escalatedAt != null && !escalatedAt.isBefore(firstBreach) ? 0 : 1]++;
            } else {
                risk[escalated ? 2 : 3]++;
            }
        }
        return new Counts(cells, risk, rows.size(), withoutPolicy);
    }

    /** A month's attainment in short, for the monthly report: [met, breached, running] of each target. */
    public record Summary(long[] firstResponse, long[] resolution) {
    }

    /** The attainment of all the period's tickets, without the breakdowns. */
    public Summary summary(Period period, SlaPolicies policies) {
        Counts counts = measure(period, policies);
        return new Summary(counts.cells().getOrDefault(SlaPolicies.FIRST_RESPONSE + "|all|all", new long[3]),
                counts.cells().getOrDefault(SlaPolicies.RESOLUTION + "|all|all", new long[3]));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

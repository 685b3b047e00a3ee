package com.escalationanalyst.sla;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketWindow;
import com.escalationanalyst.knowledge.SlaPolicies.Policy;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.sla.SlaClock.Pause;
import com.escalationanalyst.sla.SlaClock.Reading;
import com.escalationanalyst.sla.SlaClock.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
    static final List<String> TARGETS = List.of(SlaPolicies.FIRST_RESPONSE, SlaPolicies.RESOLUTION);

    /** Met, breached and running targets per "target|dimension|value"; the risk table a, b, c, d. */
    public record Counts(Map<String, long[]> cells, long[] risk, int tickets, int withoutPolicy,
                         Map<String, List<String>> breached) {
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
        return measure(period, policies, DIMENSIONS.size());
    }

    /** As above for the first {@code dimensions} of {@link #DIMENSIONS} (1: all tickets only). */
    Counts measure(Period period, SlaPolicies policies, int dimensions) {
        Object from = TicketWindow.from(period);
        Object to = TicketWindow.to(period);
        Map<String, List<Object[]>> changes = new HashMap<>();
        helpdesk.jdbc().query("""
                SELECT c.ticket_id, c.changed_at, c.status FROM ticket_status_change c JOIN ticket t ON t.ticket_id = c.ticket_id
                WHERE %s ORDER BY c.ticket_id, c.changed_at""".formatted(TicketWindow.CREATED_IN_PERIOD), rs -> {
            changes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Object[] {rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)});
        }, from, to);
        // with both stores in one database the accounts are joined in; otherwise looked up in the CRM store
        boolean join = tickets.sameDatabase();
        Map<String, String[]> accounts = join ? Map.of() : tickets.accounts(new java.util.HashSet<>(helpdesk.jdbc()
                .queryForList("SELECT DISTINCT t.account_id FROM ticket t WHERE " + TicketWindow.CREATED_IN_PERIOD
                        + " AND t.account_id IS NOT NULL", String.class, from, to)));
        Map<String, BusinessTime.Spans> calendars = new HashMap<>();
        Instant now = clock.instant();
        // [target][dimension] -> value -> {met, breached, running}
        List<List<Map<String, long[]>>> cells = new ArrayList<>();
        for (int t = 0; t < TARGETS.size(); t++) {
            List<Map<String, long[]>> byDimension = new ArrayList<>();
            for (int d = 0; d < dimensions; d++) {
                byDimension.add(new HashMap<>());
            }
            cells.add(byDimension);
        }
        long[] risk = new long[4];
        int[] counted = new int[2];
        // the breached tickets per target, for the drill-down (not for the report's summary)
        Map<String, List<String>> breached = new TreeMap<>();
        if (dimensions == DIMENSIONS.size()) {
            TARGETS.forEach(t -> breached.put(t, new ArrayList<>()));
        }
        String[] values = new String[dimensions];
        helpdesk.jdbc().query("""
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, t.escalated, t.escalated_at, r.resolved_at, %s
                FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id %s
                WHERE %s""".formatted(join ? "a.tier, a.segment" : "NULL, NULL",
                join ? "LEFT JOIN account a ON a.account_id = t.account_id" : "", TicketWindow.CREATED_IN_PERIOD), rs -> {
            counted[0]++;
            String ticketId = rs.getString(1);
            String priority = rs.getString(4);
            String accountId = rs.getString(6);
            String[] account = join ? null : accountId == null ? null : accounts.get(accountId);
            String tier = join ? rs.getString(12) : account == null ? null : account[0];
            String segment = join ? rs.getString(13) : account == null ? null : account[1];
            Optional<Policy> policy = policies.match(priority, tier, segment, rs.getString(5));
            if (policy.isEmpty()) {
                counted[1]++;
                return;
            }
            Instant created = rs.getObject(2, OffsetDateTime.class).toInstant();
            String status = rs.getString(3);
            boolean closed = "solved".equals(status) || "closed".equals(status);
            String team = rs.getString(7);
            String[] all = {"all", priority, segment == null ? "unknown" : segment, tier == null ? "unknown" : tier,
                team == null || team.isBlank() ? SlaTickets.UNASSIGNED : team};
            System.arraycopy(all, 0, values, 0, dimensions);
            BusinessTime.Spans calendar = calendars.computeIfAbsent(policy.get().calendar(),
                    c -> new BusinessTime.Spans(policies.calendarOf(policy.get())));
            Instant firstResponseAt = instant(rs.getObject(8, OffsetDateTime.class));
            Instant resolvedAt = instant(rs.getObject(11, OffsetDateTime.class));
            Instant firstBreach = null;
            for (int t = 0; t < TARGETS.size(); t++) {
                String target = TARGETS.get(t);
                Optional<Duration> duration = policy.get().target(target, priority);
                if (duration.isEmpty()) {
                    continue;
                }
                boolean firstResponse = t == 0;
                Instant stop = firstResponse ? firstResponseAt : (closed ? resolvedAt : null);
                if (!firstResponse && closed && stop == null) {
                    continue; // solved without a resolution time: its resolution cannot be measured
                }
                List<Pause> pauses = firstResponse || !policy.get().pauseWhilePending() ? List.of()
                        : SlaTickets.pauses(changes.getOrDefault(ticketId, List.of()));
                Reading reading = SlaClock.read(calendar, created, stop, duration.get(), pauses, now, settings.atRiskShare());
                int column = reading.state() == State.ACHIEVED ? 0 : reading.state() == State.BREACHED ? 1 : 2;
                if (column == 1 && breached.containsKey(target)) {
                    breached.get(target).add(ticketId);
                }
                for (int d = 0; d < values.length; d++) {
                    cells.get(t).get(d).computeIfAbsent(values[d], k -> new long[3])[column]++;
                }
                if (reading.state() == State.BREACHED && reading.due() != null
                        && (firstBreach == null || reading.due().isBefore(firstBreach))) {
                    firstBreach = reading.due();
                }
            }
            boolean escalated = rs.getBoolean(9);
            Instant escalatedAt = instant(rs.getObject(10, OffsetDateTime.class));
            if (firstBreach != null) {
                risk[escalated && escalatedAt != null && !escalatedAt.isBefore(firstBreach) ? 0 : 1]++;
            } else {
                risk[escalated ? 2 : 3]++;
            }
        }, from, to);
        Map<String, long[]> flat = new TreeMap<>();
        for (int t = 0; t < TARGETS.size(); t++) {
            for (int d = 0; d < dimensions; d++) {
                String prefix = TARGETS.get(t) + "|" + DIMENSIONS.get(d) + "|";
                cells.get(t).get(d).forEach((value, counts) -> flat.put(prefix + value, counts));
            }
        }
        return new Counts(flat, risk, counted[0], counted[1], breached);
    }

    /** A month's attainment in short, for the monthly report: [met, breached, running] of each target. */
    public record Summary(long[] firstResponse, long[] resolution) {
    }

    /** The attainment of all the period's tickets, without the breakdowns. */
    public Summary summary(Period period, SlaPolicies policies) {
        Counts counts = measure(period, policies, 1);
        return new Summary(counts.cells().getOrDefault(SlaPolicies.FIRST_RESPONSE + "|all|all", new long[3]),
                counts.cells().getOrDefault(SlaPolicies.RESOLUTION + "|all|all", new long[3]));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

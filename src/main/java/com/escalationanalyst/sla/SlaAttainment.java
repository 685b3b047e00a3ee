package com.escalationanalyst.sla;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketWindow;
import com.escalationanalyst.knowledge.SlaPolicies.Policy;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.sla.SlaClock.Pause;
import com.escalationanalyst.sla.SlaClock.Reading;
import com.escalationanalyst.sla.SlaClock.State;
import com.escalationanalyst.store.StoreDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    public record Counts(Map<String, long[]> cells, long[] risk, int tickets, int withoutPolicy) {
    }

    /** Told each ticket that breached a target (target, ticket id) as it is measured; nothing is kept for it here. */
    public interface Breaches {
        void breached(String target, String ticketId);
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

    public Counts measure(Period period, SlaPolicies policies, Breaches breaches) {
        return measure(period, policies, DIMENSIONS.size(), breaches);
    }

    /** Tickets read before their status changes are looked up together (one fetch); what the heap holds at most. */
    static final int BATCH = StoreDatabase.STREAM_FETCH_SIZE;

    /** One ticket as the clocks need it. */
    private record Row(String ticketId, Instant created, String status, String priority, String channel, String team,
                       String tier, String segment, Instant firstResponseAt, Instant resolvedAt, boolean escalated,
                       Instant escalatedAt) {
    }

    /**
     * As above for the first {@code dimensions} of {@link #DIMENSIONS} (1: all tickets only). The period's tickets
     * stream in batches of {@link #BATCH}; each batch's status changes are read with it, so the heap holds one
     * batch whatever the period's size.
     */
    Counts measure(Period period, SlaPolicies policies, int dimensions, Breaches breaches) {
        Object from = TicketWindow.from(period);
        Object to = TicketWindow.to(period);
        // with both stores in one database the accounts are joined in; otherwise looked up in the CRM store
        boolean join = tickets.sameDatabase();
        Map<String, String[]> accounts = join ? Map.of() : tickets.accounts(new java.util.HashSet<>(helpdesk.jdbc()
                .queryForList("SELECT DISTINCT t.account_id FROM ticket t WHERE " + TicketWindow.CREATED_IN_PERIOD
                        + " AND t.account_id IS NOT NULL", String.class, from, to)));
        Tally tally = new Tally(policies, dimensions, clock.instant(), breaches);
        List<Row> batch = new ArrayList<>(BATCH);
        helpdesk.stream("""
                SELECT t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.account_id, t.assignee_group,
                       t.first_response_at, t.escalated, t.escalated_at, r.resolved_at, %s
                FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id %s
                WHERE %s""".formatted(join ? "a.tier, a.segment" : "NULL, NULL",
                join ? "LEFT JOIN account a ON a.account_id = t.account_id" : "", TicketWindow.CREATED_IN_PERIOD), rs -> {
            String accountId = rs.getString(6);
            String[] account = join ? null : accountId == null ? null : accounts.get(accountId);
            batch.add(new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(7),
                    join ? rs.getString(12) : account == null ? null : account[0],
                    join ? rs.getString(13) : account == null ? null : account[1],
                    instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class)),
                    rs.getBoolean(9), instant(rs.getObject(10, OffsetDateTime.class))));
            if (batch.size() == BATCH) {
                tally.add(batch, statusChanges(batch));
                batch.clear();
            }
        }, from, to);
        tally.add(batch, statusChanges(batch));
        return tally.counts();
    }

    /** The status changes of these tickets, oldest first per ticket (most tickets have none). */
    private Map<String, List<Object[]>> statusChanges(List<Row> batch) {
        Map<String, List<Object[]>> changes = new HashMap<>();
        if (batch.isEmpty()) {
            return changes;
        }
        Object[] ids = batch.stream().map(Row::ticketId).toArray();
        helpdesk.jdbc().query(con -> {
            var statement = con.prepareStatement("SELECT c.ticket_id, c.changed_at, c.status FROM ticket_status_change c"
                    + " WHERE c.ticket_id = ANY (?) ORDER BY c.ticket_id, c.changed_at");
            statement.setArray(1, con.createArrayOf("VARCHAR", ids));
            return statement;
        }, (RowCallbackHandler) rs -> changes.computeIfAbsent(rs.getString(1),
                k -> new ArrayList<>()).add(new Object[] {rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)}));
        return changes;
    }

    /** The counts so far: per target and dimension value, and the risk table. */
    private final class Tally {
        private final SlaPolicies policies;
        private final int dimensions;
        private final Instant now;
        private final Map<String, BusinessTime.Spans> calendars = new HashMap<>();
        // [target][dimension] -> value -> {met, breached, running}
        private final List<List<Map<String, long[]>>> cells = new ArrayList<>();
        private final long[] risk = new long[4];
        private int tickets;
        private int withoutPolicy;
        private final Breaches breaches;

        Tally(SlaPolicies policies, int dimensions, Instant now, Breaches breaches) {
            this.policies = policies;
            this.dimensions = dimensions;
            this.now = now;
            this.breaches = breaches;
            for (int t = 0; t < TARGETS.size(); t++) {
                List<Map<String, long[]>> byDimension = new ArrayList<>();
                for (int d = 0; d < dimensions; d++) {
                    byDimension.add(new HashMap<>());
                }
                cells.add(byDimension);
            }
        }

        void add(List<Row> rows, Map<String, List<Object[]>> changes) {
            for (Row row : rows) {
                add(row, changes.getOrDefault(row.ticketId(), List.of()));
            }
        }

        private void add(Row row, List<Object[]> changes) {
            tickets++;
            Optional<Policy> policy = policies.match(row.priority(), row.tier(), row.segment(), row.channel());
            if (policy.isEmpty()) {
                withoutPolicy++;
                return;
            }
            boolean closed = "solved".equals(row.status()) || "closed".equals(row.status());
            String team = row.team();
            String[] values = Arrays.copyOf(new String[] {"all", row.priority(),
                row.segment() == null ? "unknown" : row.segment(), row.tier() == null ? "unknown" : row.tier(),
                team == null || team.isBlank() ? SlaTickets.UNASSIGNED : team}, dimensions);
            BusinessTime.Spans calendar = calendars.computeIfAbsent(policy.get().calendar(),
                    c -> new BusinessTime.Spans(policies.calendarOf(policy.get())));
            Instant firstBreach = null;
            for (int t = 0; t < TARGETS.size(); t++) {
                String target = TARGETS.get(t);
                Optional<Duration> duration = policy.get().target(target, row.priority());
                if (duration.isEmpty()) {
                    continue;
                }
                boolean firstResponse = t == 0;
                Instant stop = firstResponse ? row.firstResponseAt() : (closed ? row.resolvedAt() : null);
                if (!firstResponse && closed && stop == null) {
                    continue; // solved without a resolution time: its resolution cannot be measured
                }
                List<Pause> pauses = firstResponse || !policy.get().pauseWhilePending() ? List.of()
                        : SlaTickets.pauses(changes);
                Reading reading = SlaClock.read(calendar, row.created(), stop, duration.get(), pauses, now,
                        settings.atRiskShare());
                int column = reading.state() == State.ACHIEVED ? 0 : reading.state() == State.BREACHED ? 1 : 2;
                if (column == 1) {
                    breaches.breached(target, row.ticketId());
                }
                for (int d = 0; d < values.length; d++) {
                    cells.get(t).get(d).computeIfAbsent(values[d], k -> new long[3])[column]++;
                }
                if (reading.state() == State.BREACHED && reading.due() != null
                        && (firstBreach == null || reading.due().isBefore(firstBreach))) {
                    firstBreach = reading.due();
                }
            }
            Instant escalatedAt = row.escalatedAt();
            if (firstBreach != null) {
                risk[row.escalated() && escalatedAt != null && !escalatedAt.isBefore(firstBreach) ? 0 : 1]++;
            } else {
                risk[row.escalated() ? 2 : 3]++;
            }
        }

        Counts counts() {
            Map<String, long[]> flat = new TreeMap<>();
            for (int t = 0; t < TARGETS.size(); t++) {
                for (int d = 0; d < dimensions; d++) {
                    String prefix = TARGETS.get(t) + "|" + DIMENSIONS.get(d) + "|";
                    cells.get(t).get(d).forEach((value, counts) -> flat.put(prefix + value, counts));
                }
            }
            return new Counts(flat, risk, tickets, withoutPolicy);
        }
    }

    /** A month's attainment in short, for the monthly report: [met, breached, running] of each target. */
    public record Summary(long[] firstResponse, long[] resolution) {
    }

    /** The attainment of all the period's tickets, without the breakdowns. */
    public Summary summary(Period period, SlaPolicies policies) {
        Counts counts = measure(period, policies, 1, (target, ticketId) -> { });
        return new Summary(counts.cells().getOrDefault(SlaPolicies.FIRST_RESPONSE + "|all|all", new long[3]),
                counts.cells().getOrDefault(SlaPolicies.RESOLUTION + "|all|all", new long[3]));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

package com.escalationanalyst.helpdesk;

import com.escalationanalyst.period.Period;
import com.escalationanalyst.store.StoreDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The helpdesk data source: tickets and resolutions, and the counts every analysis shares. */
public class HelpdeskDatabase extends StoreDatabase {

    private final TicketRollups rollups;

    public HelpdeskDatabase(DataSource dataSource) {
        super("helpdesk", dataSource);
        this.rollups = new TicketRollups(this);
    }

    @Override
    protected boolean hasPostgresqlMigrations() {
        return true;
    }

    /** The rollups are counted once after the load, not by their trigger per statement and key. */
    @Override
    public void bulkLoad(Runnable load) {
        rollups.setAsideFor(load);
    }

    /** The tickets counted per day and month (PostgreSQL), for the periods' whole days and months. */
    public TicketRollups rollups() {
        return rollups;
    }

    /** All tickets, the escalated among them, and when the newest was created (null: none). */
    public record TicketCounts(long tickets, long escalated, OffsetDateTime latestCreatedAt) {
    }

    public TicketCounts ticketCounts() {
        return jdbc().queryForObject("""
                SELECT COUNT(*), COALESCE(SUM(CASE WHEN escalated THEN 1 ELSE 0 END), 0), MAX(created_at) FROM ticket""",
                (rs, n) -> new TicketCounts(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class)));
    }

    /** Tickets created in the period. */
    public long ticketsCreated(Period period) {
        return ticketsCreated(period.fromInstant(), period.toInstant());
    }

    /** Tickets created in {@code [from, to)}: whole days from the day rollup, the rest from {@code ticket}. */
    public long ticketsCreated(Instant from, Instant to) {
        return rollups.read(TicketRollups.Unit.DAY, from, to, days -> jdbc().queryForObject(
                "SELECT COALESCE(SUM(tickets), 0) FROM ticket_day_rollup WHERE day_start >= ? AND day_start < ?",
                Long.class, days.fromUtc(), days.toUtc()), edge -> countCreated(edge.from(), edge.to()), Long::sum);
    }

    private long countCreated(Instant from, Instant to) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM ticket t WHERE " + TicketWindow.CREATED_IN_PERIOD,
                Long.class, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }

    /**
     * Tickets created in each interval between consecutive {@code boundaries} (n boundaries, n - 1 counts): from the
     * day rollup when the boundaries are ascending day starts of its zone (the freshness check's days), otherwise in
     * one statement of index range counts (a few months of days cost one round trip and no rows per ticket).
     */
    public long[] ticketsCreatedBetween(List<Instant> boundaries) {
        int n = boundaries.size() - 1;
        if (n < 1) {
            return new long[0];
        }
        Optional<ZoneId> zone = rollups.zone();
        if (zone.isPresent() && ascending(boundaries) && boundaries.stream().allMatch(
                b -> TicketRollups.startsUnit(TicketRollups.Unit.DAY, b, zone.get()))) {
            return countedFromDays(boundaries);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        Object[] arguments = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ticket t WHERE ")
                    .append(TicketWindow.CREATED_IN_PERIOD).append(')');
            arguments[2 * i] = boundaries.get(i).atOffset(ZoneOffset.UTC);
            arguments[2 * i + 1] = boundaries.get(i + 1).atOffset(ZoneOffset.UTC);
        }
        return jdbc().queryForObject(sql.toString(), (rs, row) -> {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }, arguments);
    }

    private static boolean ascending(List<Instant> instants) {
        for (int i = 1; i < instants.size(); i++) {
            if (!instants.get(i - 1).isBefore(instants.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #ticketsCreatedBetween} when the boundaries ascend and each starts a day of the rollup: one read of its
     * days, each added to the interval it lies in.
     */
    private long[] countedFromDays(List<Instant> boundaries) {
        long[] counts = new long[boundaries.size() - 1];
        jdbc().query("""
                SELECT day_start, SUM(tickets) FROM ticket_day_rollup WHERE day_start >= ? AND day_start < ?
                GROUP BY day_start""", rs -> {
            Instant day = rs.getObject(1, OffsetDateTime.class).toInstant();
            // the interval whose start is the last boundary at or before the day
            int i = Collections.binarySearch(boundaries, day);
            int interval = i >= 0 ? i : -i - 2;
            if (interval >= 0 && interval < counts.length) {
                counts[interval] += rs.getLong(2);
            }
        }, boundaries.get(0).atOffset(ZoneOffset.UTC), boundaries.get(boundaries.size() - 1).atOffset(ZoneOffset.UTC));
        return counts;
    }

    /** The product areas tickets name, sorted. */
    public List<String> productAreas() {
        return jdbc().queryForList("SELECT DISTINCT product_area FROM ticket WHERE product_area IS NOT NULL"
                + " ORDER BY product_area", String.class);
    }
}

package com.escalationanalyst.helpdesk;

import com.escalationanalyst.period.Period;
import com.escalationanalyst.store.StoreDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/** The helpdesk data source: tickets and resolutions, and the counts every analysis shares. */
public class HelpdeskDatabase extends StoreDatabase {

    public HelpdeskDatabase(DataSource dataSource) {
        super("helpdesk", dataSource);
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
        return jdbc().queryForObject("SELECT COUNT(*) FROM ticket t WHERE " + TicketWindow.CREATED_IN_PERIOD,
                Long.class, TicketWindow.from(period), TicketWindow.to(period));
    }

    /**
     * Tickets created in each interval between consecutive {@code boundaries} (n boundaries, n - 1 counts), in one
     * statement of index range counts: a few months of days cost one round trip and no rows per ticket.
     */
    public long[] ticketsCreatedBetween(List<Instant> boundaries) {
        int n = boundaries.size() - 1;
        if (n < 1) {
            return new long[0];
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

    /** The product areas tickets name, sorted. */
    public List<String> productAreas() {
        return jdbc().queryForList("SELECT DISTINCT product_area FROM ticket WHERE product_area IS NOT NULL"
                + " ORDER BY product_area", String.class);
    }
}

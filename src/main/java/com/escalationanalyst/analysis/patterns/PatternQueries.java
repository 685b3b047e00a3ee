package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketRollups;
import com.escalationanalyst.helpdesk.TicketWindow;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.InLists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The helpdesk SQL of the patterns analysis: the period's ticket count, and one streamed pass over its
 * escalated tickets that both the escalation cube and known-issue matching read (the texts are never kept).
 */
@Component
class PatternQueries {

    /** What known-issue matching reads of one escalated ticket. */
    record EscalatedText(String ticketId, String reasonCode, String productArea, String subject, String notes) {

        /** What known-issue matching reads of a ticket: its subject and its notes. */
        String matchText() {
            return (subject == null ? "" : subject) + "\n" + (notes == null ? "" : notes);
        }
    }

    /**
     * One escalated ticket: its text, its team (assignee group; null: none) and its times from creation to
     * resolution and to escalation (null: not known).
     */
    record EscalatedTicket(EscalatedText text, String team, Long resolutionMillis, Long escalationMillis,
                           Integer handleMinutes) {
    }

    private static final int FETCH_SIZE = 1000;

    private final HelpdeskDatabase helpdesk;

    PatternQueries(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    /**
     * The period's tickets (escalated or not) of the filter. Unless it names accounts (a dimension the day rollup
     * does not have), its whole days are summed from the day rollup (aliased {@code t}: it names product area like
     * {@code ticket}) and only the partial edges are counted in {@code ticket}: at 20,000,000 tickets a quarter's
     * count is otherwise a scan of five million rows beside the stream of its escalations. Aggregates: no fetch
     * size, so PostgreSQL may run them in parallel.
     */
    long countTickets(TicketFilter filter) {
        TicketRollups.Range all = new TicketRollups.Range(filter.period().fromInstant(), filter.period().toInstant());
        Function<TicketRollups.Range, Long> fromTickets = range -> count("SELECT COUNT(*) FROM ticket t WHERE "
                + where(filter, TicketWindow.CREATED_IN_PERIOD), filter, range);
        if (filter.accountIds() != null) {
            return fromTickets.apply(all);
        }
        return helpdesk.rollups().read(TicketRollups.Unit.DAY, all.from(), all.to(),
                days -> count("SELECT COALESCE(SUM(t.tickets), 0) FROM ticket_day_rollup t WHERE "
                        + where(filter, "t.day_start >= ? AND t.day_start < ?"), filter, days),
                fromTickets, Long::sum);
    }

    private long count(String sql, TicketFilter filter, TicketRollups.Range range) {
        return helpdesk.jdbc().query(con -> prepare(con, sql, filter, range, 0), (rs, n) -> rs.getLong(1)).get(0);
    }

    /**
     * Streams every escalated ticket of the filter once: what the cube counts (reason code, product area,
     * times) and what known-issue matching reads (subject, notes). Rows are handed on as they arrive.
     */
    void streamEscalatedTickets(TicketFilter filter, Consumer<EscalatedTicket> consumer) {
        // the resolution is looked up per escalated ticket (primary key) rather than joined: a join hashes the
        // whole resolution table to find the few percent of it that belongs to the period's escalations; on
        // PostgreSQL OFFSET 0 keeps the lateral look-up from being turned into that join
        String resolutionJoin = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "LEFT JOIN LATERAL (SELECT r.resolved_at, r.resolution_notes FROM resolution r"
                        + " WHERE r.ticket_id = t.ticket_id OFFSET 0) r ON TRUE"
                : "LEFT JOIN resolution r ON r.ticket_id = t.ticket_id";
        String sql = """
                SELECT t.ticket_id, t.escalation_reason_code, t.product_area, t.subject, r.resolution_notes,
                       %s AS resolution_millis, %s AS escalation_millis, t.assignee_group, t.handle_time_minutes
                FROM ticket t %s
                WHERE t.escalated AND %s
                """.formatted(millis("t.created_at", "r.resolved_at"), millis("t.created_at", "t.escalated_at"),
                resolutionJoin, where(filter));
        // PostgreSQL streams with a cursor only inside a transaction
        helpdesk.transactions().executeWithoutResult(tx -> helpdesk.jdbc().query(
                con -> prepare(con, sql, filter, FETCH_SIZE),
                rs -> {
                    long resolutionMillis = rs.getLong(6);
                    Long resolution = rs.wasNull() ? null : resolutionMillis;
                    long escalationMillis = rs.getLong(7);
                    Long escalation = rs.wasNull() ? null : escalationMillis;
                    int handleMinutes = rs.getInt(9);
                    Integer handle = rs.wasNull() ? null : handleMinutes;
                    consumer.accept(new EscalatedTicket(new EscalatedText(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(8), resolution, escalation,
                            handle));
                }));
    }

    /** The text of every escalated ticket, whatever its period (for the embeddings made after imports). */
    void streamEscalatedTexts(Consumer<EscalatedText> consumer) {
        String resolutionJoin = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "LEFT JOIN LATERAL (SELECT r.resolution_notes FROM resolution r WHERE r.ticket_id = t.ticket_id OFFSET 0) r ON TRUE"
                : "LEFT JOIN resolution r ON r.ticket_id = t.ticket_id";
        String sql = "SELECT t.ticket_id, t.escalation_reason_code, t.product_area, t.subject, r.resolution_notes FROM ticket t "
                + resolutionJoin + " WHERE t.escalated";
        helpdesk.transactions().executeWithoutResult(tx -> helpdesk.jdbc().query(
                con -> {
                    var statement = con.prepareStatement(sql);
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                rs -> {
                    consumer.accept(new EscalatedText(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }));
    }

    /** The texts of these tickets that are escalated (a sync page's, for the embeddings made after it). */
    void streamEscalatedTexts(java.util.Collection<String> ticketIds, Consumer<EscalatedText> consumer) {
        for (List<String> chunk : InLists.chunks(ticketIds, 500)) {
            helpdesk.jdbc().query("SELECT t.ticket_id, t.escalation_reason_code, t.product_area, t.subject, r.resolution_notes"
                    + " FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id WHERE t.escalated AND t.ticket_id IN ("
                    + InLists.marks(chunk.size()) + ")", rs -> {
                consumer.accept(new EscalatedText(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }, chunk.toArray());
        }
    }

    private String millis(String from, String to) {
        return helpdesk.dialect().millisBetween(from, to);
    }

    private static String where(TicketFilter filter) {
        return where(filter, TicketWindow.CREATED_IN_PERIOD);
    }

    /** The filter's conditions with its period as {@code window} (two parameters). */
    private static String where(TicketFilter filter, String window) {
        StringBuilder where = new StringBuilder(window);
        if (filter.productArea() != null) {
            where.append(" AND t.product_area = ?");
        }
        if (filter.accountIds() != null) {
            where.append(filter.unknownSegment()
                    ? " AND (t.account_id IS NULL OR NOT (t.account_id = ANY (?)))"
                    : " AND t.account_id = ANY (?)");
        }
        return where.toString();
    }

    private static PreparedStatement prepare(Connection con, String sql, TicketFilter filter, int fetchSize)
            throws SQLException {
        return prepare(con, sql, filter, new TicketRollups.Range(filter.period().fromInstant(),
                filter.period().toInstant()), fetchSize);
    }

    /** The statement with the window's two parameters set to {@code range} and the filter's after them. */
    private static PreparedStatement prepare(Connection con, String sql, TicketFilter filter, TicketRollups.Range range,
                                             int fetchSize) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        ps.setObject(1, range.fromUtc());
        ps.setObject(2, range.toUtc());
        int i = 3;
        if (filter.productArea() != null) {
            ps.setString(i++, filter.productArea());
        }
        if (filter.accountIds() != null) {
            ps.setArray(i, con.createArrayOf("VARCHAR", filter.accountIds().toArray()));
        }
        return ps;
    }
}

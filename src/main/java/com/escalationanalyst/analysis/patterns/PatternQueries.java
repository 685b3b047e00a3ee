package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The helpdesk SQL of the patterns analysis. Aggregates are computed in the database; only the
 * ticket texts needed for known-issue matching are streamed, once, and never kept.
 */
@Component
class PatternQueries {

    /** Escalations of one reason code in one product area. */
    record EscalationCell(String reasonCode, String productArea, long count, long resolved, long resolutionMillis,
                          long timed, long escalationMillis) {
    }

    /** What known-issue matching reads of one escalated ticket. */
    record EscalatedText(String ticketId, String reasonCode, String productArea, String subject, String notes) {
    }

    private final HelpdeskDatabase helpdesk;

    PatternQueries(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    long countTickets(TicketFilter filter) {
        List<Long> count = query("SELECT COUNT(*) FROM ticket t WHERE " + where(filter), filter,
                (rs, n) -> rs.getLong(1));
        return count.get(0);
    }

    List<EscalationCell> escalationCells(TicketFilter filter) {
        // the resolution is looked up per escalated ticket (primary key) rather than joined: a join hashes the
        // whole resolution table to find the few percent of it that belongs to the period's escalations;
        // OFFSET 0 keeps the subquery apart, so the look-up runs once per ticket, not once per use
        String sql = """
                SELECT e.escalation_reason_code, e.product_area,
                       COUNT(*) AS escalations,
                       COUNT(e.resolved_at) AS resolved,
                       COALESCE(SUM(%s), 0) AS resolution_millis,
                       COUNT(e.escalated_at) AS timed,
                       COALESCE(SUM(%s), 0) AS escalation_millis
                FROM (SELECT t.escalation_reason_code, t.product_area, t.created_at, t.escalated_at,
                             (SELECT r.resolved_at FROM resolution r WHERE r.ticket_id = t.ticket_id) AS resolved_at
                      FROM ticket t
                      WHERE t.escalated AND %s
                      OFFSET 0 ROWS) e
                GROUP BY e.escalation_reason_code, e.product_area
                """.formatted(millis("e.created_at", "e.resolved_at"), millis("e.created_at", "e.escalated_at"),
                where(filter));
        return query(sql, filter, (rs, n) -> new EscalationCell(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
    }

    /** Streams the subject and notes of every escalated ticket of the filter, in one pass. */
    void streamEscalatedTexts(TicketFilter filter, Consumer<EscalatedText> consumer) {
        String sql = """
                SELECT t.ticket_id, t.escalation_reason_code, t.product_area, t.subject,
                       (SELECT r.resolution_notes FROM resolution r WHERE r.ticket_id = t.ticket_id)
                FROM ticket t
                WHERE t.escalated AND %s
                """.formatted(where(filter));
        // PostgreSQL streams with a cursor only inside a transaction
        helpdesk.transactions().executeWithoutResult(tx -> helpdesk.jdbc().query(
                con -> prepare(con, sql, filter),
                rs -> {
                    consumer.accept(new EscalatedText(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }));
    }

    private String millis(String from, String to) {
        return helpdesk.dialect().millisBetween(from, to);
    }

    private static String where(TicketFilter filter) {
        StringBuilder where = new StringBuilder("t.created_at >= ? AND t.created_at < ?");
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

    private <T> List<T> query(String sql, TicketFilter filter, RowMapper<T> mapper) {
        return helpdesk.jdbc().query(con -> prepare(con, sql, filter), mapper);
    }

    private static PreparedStatement prepare(Connection con, String sql, TicketFilter filter) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(1000);
        int i = 1;
        ps.setObject(i++, filter.period().fromInstant().atOffset(ZoneOffset.UTC));
        ps.setObject(i++, filter.period().toInstant().atOffset(ZoneOffset.UTC));
        if (filter.productArea() != null) {
            ps.setString(i++, filter.productArea());
        }
        if (filter.accountIds() != null) {
            ps.setArray(i, con.createArrayOf("VARCHAR", filter.accountIds().toArray()));
        }
        return ps;
    }
}

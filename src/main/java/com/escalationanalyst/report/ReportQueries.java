package com.escalationanalyst.report;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.period.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The helpdesk SQL of the monthly report: per month, the ticket total, the escalations per reason code and product
 * area, and per reason code and team (assignee group).
 */
@Component
class ReportQueries {

    /** Escalations of one reason code in one product area of one month. */
    record EscalationCell(String reasonCode, String productArea, long escalations, long handleMinutesSum,
                          long handleMinutesCount, long resolved, long resolutionMillis, long timed,
                          long escalationMillis) {
    }

    private final HelpdeskDatabase helpdesk;

    ReportQueries(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    long countTickets(Period period) {
        return helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM ticket t WHERE t.created_at >= ? AND t.created_at < ?",
                Long.class, from(period), to(period));
    }

    List<EscalationCell> escalationCells(Period period) {
        String sql = """
                SELECT e.escalation_reason_code, e.product_area,
                       COUNT(*),
                       COALESCE(SUM(e.handle_time_minutes), 0),
                       COUNT(e.handle_time_minutes),
                       COUNT(e.resolved_at),
                       COALESCE(SUM(%s), 0),
                       COUNT(e.escalated_at),
                       COALESCE(SUM(%s), 0)
                FROM (SELECT t.escalation_reason_code, t.product_area, t.handle_time_minutes, t.created_at,
                             t.escalated_at,
                             -- looked up per escalated ticket: a join would hash the whole resolution table;
                             -- OFFSET 0 keeps this subquery apart, so the look-up runs once per ticket
                             (SELECT r.resolved_at FROM resolution r WHERE r.ticket_id = t.ticket_id) AS resolved_at
                      FROM ticket t
                      WHERE t.escalated AND t.created_at >= ? AND t.created_at < ?
                      OFFSET 0 ROWS) e
                GROUP BY e.escalation_reason_code, e.product_area
                """.formatted(helpdesk.dialect().millisBetween("e.created_at", "e.resolved_at"),
                helpdesk.dialect().millisBetween("e.created_at", "e.escalated_at"));
        return helpdesk.jdbc().query(sql, (rs, n) -> new EscalationCell(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9)), from(period), to(period));
    }

    /** Escalations of one reason code handled by one assignee group (team) in one month. */
    record TeamCell(String reasonCode, String team, long escalations) {
    }

    List<TeamCell> teamCells(Period period) {
        return helpdesk.jdbc().query("""
                SELECT t.escalation_reason_code, t.assignee_group, COUNT(*) FROM ticket t
                WHERE t.escalated AND t.created_at >= ? AND t.created_at < ? AND t.assignee_group IS NOT NULL
                GROUP BY t.escalation_reason_code, t.assignee_group""",
                (rs, n) -> new TeamCell(rs.getString(1), rs.getString(2), rs.getLong(3)), from(period), to(period));
    }

    /**
     * Tickets created in each interval between consecutive {@code boundaries} (n boundaries, n - 1 counts), in one
     * statement of index range counts: a few months of days cost one round trip and no rows per ticket.
     */
    long[] ticketsBetween(List<Instant> boundaries) {
        int n = boundaries.size() - 1;
        if (n < 1) {
            return new long[0];
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        Object[] arguments = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ticket t WHERE t.created_at >= ? AND t.created_at < ?)");
            arguments[2 * i] = boundaries.get(i).atOffset(ZoneOffset.UTC);
            arguments[2 * i + 1] = boundaries.get(i + 1).atOffset(ZoneOffset.UTC);
        }
        return helpdesk.jdbc().queryForObject(sql.toString(), (rs, row) -> {
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }, arguments);
    }

    private static Object from(Period period) {
        return period.fromInstant().atOffset(ZoneOffset.UTC);
    }

    private static Object to(Period period) {
        return period.toInstant().atOffset(ZoneOffset.UTC);
    }
}

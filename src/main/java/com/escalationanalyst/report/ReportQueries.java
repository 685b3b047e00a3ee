package com.escalationanalyst.report;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketRollups;
import com.escalationanalyst.helpdesk.TicketWindow;
import com.escalationanalyst.period.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The helpdesk SQL of the monthly report, per month: the escalations per reason code and product area, and per reason
 * code and team (assignee group). Ticket totals are the store's ({@code HelpdeskDatabase}).
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
                             -- OFFSET 0 keeps this subquery apart, so the look-up runs once per ticket
                             %s AS resolved_at
                      FROM ticket t
                      WHERE t.escalated AND %s
                      OFFSET 0 ROWS) e
                GROUP BY e.escalation_reason_code, e.product_area
                """.formatted(helpdesk.dialect().millisBetween("e.created_at", "e.resolved_at"),
                helpdesk.dialect().millisBetween("e.created_at", "e.escalated_at"), TicketWindow.RESOLVED_AT,
                TicketWindow.CREATED_IN_PERIOD);
        return helpdesk.jdbc().query(sql, (rs, n) -> new EscalationCell(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9)), TicketWindow.from(period), TicketWindow.to(period));
    }

    /** Escalations of one reason code handled by one assignee group (team) in one month. */
    record TeamCell(String reasonCode, String team, long escalations) {
    }

    /** Whole days from the day rollup, the rest (or everything, on H2) from {@code ticket}. */
    List<TeamCell> teamCells(Period period) {
        Map<TeamKey, Long> cells = helpdesk.rollups().read(TicketRollups.Unit.DAY, period.fromInstant(),
                period.toInstant(), days -> teamCells("""
                        SELECT r.escalation_reason_code, r.assignee_group, SUM(r.tickets) FROM ticket_day_rollup r
                        WHERE r.escalated AND r.day_start >= ? AND r.day_start < ? AND r.assignee_group IS NOT NULL
                        GROUP BY r.escalation_reason_code, r.assignee_group HAVING SUM(r.tickets) > 0""", days),
                edge -> teamCells("""
                        SELECT t.escalation_reason_code, t.assignee_group, COUNT(*) FROM ticket t
                        WHERE t.escalated AND %s AND t.assignee_group IS NOT NULL
                        GROUP BY t.escalation_reason_code, t.assignee_group""".formatted(TicketWindow.CREATED_IN_PERIOD),
                        edge), TicketRollups.byKey(Long::sum));
        List<TeamCell> merged = new ArrayList<>(cells.size());
        cells.forEach((key, escalations) -> merged.add(new TeamCell(key.reasonCode(), key.team(), escalations)));
        return merged;
    }

    /** A reason code and team; either may be null. */
    private record TeamKey(String reasonCode, String team) {
    }

    private Map<TeamKey, Long> teamCells(String sql, TicketRollups.Range range) {
        Map<TeamKey, Long> cells = new LinkedHashMap<>();
        helpdesk.jdbc().query(sql, rs -> {
            cells.put(new TeamKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
        }, range.fromUtc(), range.toUtc());
        return cells;
    }
}

package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketRollups;
import com.escalationanalyst.helpdesk.TicketWindow;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/** SQL of the segment comparison: per-account totals from the helpdesk, account attributes from the CRM. */
@Component
class SegmentQueries {

    /** Tickets and escalations of one account; tickets without an account use the key "". */
    record AccountTotals(long tickets, long escalated) {
        AccountTotals plus(AccountTotals other) {
            return new AccountTotals(tickets + other.tickets, escalated + other.escalated);
        }
    }

    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;

    SegmentQueries(HelpdeskDatabase helpdesk, CrmDatabase crm) {
        this.helpdesk = helpdesk;
        this.crm = crm;
    }

    /**
     * Per-account totals of the filter's period: whole months of the rollup's zone from the month rollup, the rest
     * (or everything: on H2, or when the filter names a product area, which the month rollup does not keep) from
     * {@code ticket}.
     */
    Map<String, AccountTotals> totalsByAccount(TicketFilter filter) {
        TicketRollups.Range all = new TicketRollups.Range(filter.period().fromInstant(), filter.period().toInstant());
        if (filter.productArea() != null) {
            return totals(fromTickets(filter.productArea()), all, filter.productArea());
        }
        return helpdesk.rollups().read(TicketRollups.Unit.MONTH, all.from(), all.to(), months -> totals("""
                SELECT COALESCE(r.account_id, ''), SUM(r.tickets), SUM(r.escalated) FROM ticket_month_rollup r
                WHERE r.month_start >= ? AND r.month_start < ?
                GROUP BY COALESCE(r.account_id, '') HAVING SUM(r.tickets) > 0""", months, null),
                edge -> totals(fromTickets(null), edge, null), TicketRollups.byKey(AccountTotals::plus));
    }

    private static String fromTickets(String productArea) {
        return """
                SELECT COALESCE(t.account_id, ''), COUNT(*), SUM(CASE WHEN t.escalated THEN 1 ELSE 0 END)
                FROM ticket t WHERE %s%s GROUP BY COALESCE(t.account_id, '')""".formatted(TicketWindow.CREATED_IN_PERIOD,
                productArea == null ? "" : " AND t.product_area = ?");
    }

    /** One statement's rows by account (account, tickets, escalated; parameters: from, to, product area if any). */
    private Map<String, AccountTotals> totals(String sql, TicketRollups.Range range, String productArea) {
        // one row per account, all of them kept in the map: no fetch size, so that PostgreSQL may aggregate in
        // parallel (a statement fetched in chunks inside a transaction runs through a cursor, never in parallel)
        Map<String, AccountTotals> totals = new HashMap<>();
        helpdesk.jdbc().query(con -> {
            PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setObject(1, range.fromUtc());
            ps.setObject(2, range.toUtc());
            if (productArea != null) {
                ps.setString(3, productArea);
            }
            return ps;
        }, rs -> {
            totals.put(rs.getString(1), new AccountTotals(rs.getLong(2), rs.getLong(3)));
        });
        return totals;
    }

    /** Streams every CRM account's dimension value to the consumer. */
    void forEachAccount(SegmentDimension dimension, BiConsumer<String, String> consumer) {
        crm.forEachAccount(a -> consumer.accept(a.accountId(), dimension.valueOf(a.segment(), a.tier(), a.region())));
    }
}

package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
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
    }

    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;

    SegmentQueries(HelpdeskDatabase helpdesk, CrmDatabase crm) {
        this.helpdesk = helpdesk;
        this.crm = crm;
    }

    Map<String, AccountTotals> totalsByAccount(TicketFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT COALESCE(t.account_id, ''), COUNT(*), SUM(CASE WHEN t.escalated THEN 1 ELSE 0 END)
                FROM ticket t""" + " WHERE " + TicketWindow.CREATED_IN_PERIOD);
        if (filter.productArea() != null) {
            sql.append(" AND t.product_area = ?");
        }
        sql.append(" GROUP BY COALESCE(t.account_id, '')");
        // one row per account, all of them kept in the map: no fetch size, so that PostgreSQL may aggregate in
        // parallel (a statement fetched in chunks inside a transaction runs through a cursor, never in parallel)
        Map<String, AccountTotals> totals = new HashMap<>();
        helpdesk.jdbc().query(con -> {
            PreparedStatement ps = con.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            TicketWindow.bind(ps, 1, filter.period());
            if (filter.productArea() != null) {
                ps.setString(3, filter.productArea());
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

package com.escalationanalyst.drilldown;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketRollups;
import com.escalationanalyst.helpdesk.TicketWindow;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.period.Period;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Repository;

/**
 * SQL of the drill-down: a page of a selection (with its total) and the whole selection as a stream, read with a
 * cursor a few hundred rows at a time so that a CSV of millions of rows keeps the heap flat.
 */
@Repository
class TicketRows {

    private static final int FETCH_SIZE = 500;
    private static final String COLUMNS = """
            t.ticket_id, t.created_at, t.status, t.priority, t.channel, t.product_area, t.account_id,
            COALESCE(g.name, t.assignee_group) AS team, t.subject, t.escalated, t.escalated_at,
            t.escalation_reason_code, r.resolution_type, r.resolved_at""";
    private static final String FROM = """
             FROM ticket t
            LEFT JOIN resolution r ON r.ticket_id = t.ticket_id
            LEFT JOIN assignee_group g ON g.group_id = t.assignee_group""";

    private final HelpdeskDatabase helpdesk;

    TicketRows(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    /**
     * The selection's size. Unless it names accounts or members (dimensions the day rollup does not have), its
     * whole days are counted from the day rollup (aliased {@code t}: it names product area, escalated and reason
     * code like {@code ticket}) and only the partial edges from {@code ticket}.
     */
    long count(TicketSelection selection) {
        Period period = selection.filter().period();
        TicketRollups.Range all = new TicketRollups.Range(period.fromInstant(), period.toInstant());
        Function<TicketRollups.Range, Long> fromTickets = range -> count("SELECT COUNT(*) FROM ticket t", selection,
                TicketWindow.CREATED_IN_PERIOD, range);
        if (selection.filter().accountIds() != null || selection.members() != null) {
            return fromTickets.apply(all);
        }
        return helpdesk.rollups().read(TicketRollups.Unit.DAY, all.from(), all.to(), days -> count(
                "SELECT COALESCE(SUM(t.tickets), 0) FROM ticket_day_rollup t", selection,
                "t.day_start >= ? AND t.day_start < ?", days), fromTickets, Long::sum);
    }

    private long count(String select, TicketSelection selection, String window, TicketRollups.Range range) {
        List<Object> args = new ArrayList<>();
        String where = where(selection, window, range, args);
        return helpdesk.jdbc().query(con -> prepare(con, select + where, args, 0), rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    List<TicketLine> page(TicketSelection selection, int page, int size, Function<String, RootCause> causes) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + FROM + where(selection, args) + orderBy(selection)
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        args.add((long) page * size);
        args.add(size);
        List<TicketLine> lines = new ArrayList<>();
        helpdesk.jdbc().query(con -> prepare(con, sql, args, 0), (ResultSet rs) -> {
            lines.add(line(rs, causes, false));
        });
        return lines;
    }

    /** Every ticket of the selection in order, with its resolution notes. */
    void stream(TicketSelection selection, Function<String, RootCause> causes, Consumer<TicketLine> consumer) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + ", r.resolution_notes" + FROM + where(selection, args) + orderBy(selection);
        // PostgreSQL reads with a cursor (fetch size) only inside a transaction
        helpdesk.transactions().executeWithoutResult(tx -> helpdesk.jdbc().query(
                con -> prepare(con, sql, args, FETCH_SIZE), (ResultSet rs) -> {
                    consumer.accept(line(rs, causes, true));
                }));
    }

    private static TicketLine line(ResultSet rs, Function<String, RootCause> causes, boolean notes) throws SQLException {
        String code = rs.getString(12);
        boolean escalated = rs.getBoolean(10);
        return new TicketLine(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), escalated,
                rs.getObject(11, OffsetDateTime.class), code, escalated ? causes.apply(code).code() : null,
                rs.getString(13), rs.getObject(14, OffsetDateTime.class), notes ? rs.getString(15) : null);
    }

    private static String where(TicketSelection selection, List<Object> args) {
        Period period = selection.filter().period();
        return where(selection, TicketWindow.CREATED_IN_PERIOD,
                new TicketRollups.Range(period.fromInstant(), period.toInstant()), args);
    }

    /** The selection's conditions with its period as {@code window} (two parameters) over {@code range}. */
    private static String where(TicketSelection selection, String window, TicketRollups.Range range, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE ").append(window);
        args.add(range.fromUtc());
        args.add(range.toUtc());
        if (selection.filter().productArea() != null) {
            where.append(" AND t.product_area = ?");
            args.add(selection.filter().productArea());
        }
        if (selection.filter().accountIds() != null) {
            where.append(selection.filter().unknownSegment()
                    ? " AND (t.account_id IS NULL OR NOT (t.account_id = ANY (?)))" : " AND t.account_id = ANY (?)");
            args.add(selection.filter().accountIds());
        }
        if (selection.escalated() != null) {
            where.append(" AND t.escalated = ?");
            args.add(selection.escalated());
        }
        if (selection.rootCause() != null) {
            if (selection.rootCause() == RootCause.UNCLASSIFIED) {
                // codes mapped to the other causes are listed; anything else, and no code, is unclassified
                where.append(" AND (t.escalation_reason_code IS NULL OR NOT (t.escalation_reason_code = ANY (?)))");
            } else {
                where.append(" AND t.escalation_reason_code = ANY (?)");
            }
            args.add(selection.reasonCodes());
        }
        TicketSelection.Members members = selection.members();
        if (members != null && members.ids() != null) {
            where.append(" AND t.ticket_id = ANY (?)");
            args.add(members.ids());
        } else if (members != null) {
            where.append(" AND t.ticket_id IN (").append(members.sql()).append(')');
            args.addAll(members.arguments());
        }
        return where.toString();
    }

    private static String orderBy(TicketSelection selection) {
        String direction = selection.sort().descending() ? " DESC" : "";
        return " ORDER BY " + selection.sort().column().sql + direction + ", t.ticket_id" + direction;
    }

    private static PreparedStatement prepare(Connection con, String sql, List<Object> args, int fetchSize)
            throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        if (fetchSize > 0) {
            ps.setFetchSize(fetchSize);
        }
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof List<?> list) {
                ps.setArray(i + 1, con.createArrayOf("VARCHAR", list.toArray()));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }
}

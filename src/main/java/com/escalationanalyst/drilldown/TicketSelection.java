package com.escalationanalyst.drilldown;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.knowledge.RootCause;
import java.util.List;

/**
 * The tickets behind a number: those of {@code filter} (period, product area, segment, tier, region), optionally
 * only escalated or not, of one root cause (its reason codes; for unclassified, every other code and none), or
 * only those named elsewhere ({@code members}: matching one known issue, found by the same matching as the
 * analyses; a candidate new known issue; breaching an SLA target in an attainment run). Sorted by {@code sort},
 * ticket id breaking ties.
 */
record TicketSelection(TicketFilter filter, Boolean escalated, RootCause rootCause, List<String> reasonCodes,
                       String knownIssue, Members members, Sort sort) {

    /**
     * Tickets named elsewhere: by a list of ids, or by a subquery ({@code sql} selecting ticket ids, with its
     * {@code arguments}) when they are too many to hold; {@code description} says what they are (null: nothing more
     * than the known issue).
     */
    record Members(List<String> ids, String sql, List<Object> arguments, String description) {

        static Members listed(List<String> ids, String description) {
            return new Members(List.copyOf(ids), null, List.of(), description);
        }

        static Members selected(String sql, List<Object> arguments, String description) {
            return new Members(null, sql, List.copyOf(arguments), description);
        }
    }

    /** The columns a list can be sorted by. */
    enum Column {
        CREATED_AT("t.created_at"), TICKET_ID("t.ticket_id"), PRIORITY("t.priority"), STATUS("t.status"),
        PRODUCT_AREA("t.product_area"), ESCALATED_AT("t.escalated_at");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    record Sort(Column column, boolean descending) {

        /** "created_at" ascending, "-created_at" descending. */
        String parameter() {
            return (descending ? "-" : "") + column.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

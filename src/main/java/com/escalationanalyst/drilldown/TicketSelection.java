package com.escalationanalyst.drilldown;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.knowledge.RootCause;
import java.util.List;

/**
 * The tickets behind a number: those of {@code filter} (period, product area, segment, tier, region), optionally
 * only escalated or not, of one root cause (its reason codes; for unclassified, every other code and none), or
 * matching one known issue ({@code ticketIds}, found by the same matching as the analyses). Sorted by
 * {@code sort}, ticket id breaking ties.
 */
record TicketSelection(TicketFilter filter, Boolean escalated, RootCause rootCause, List<String> reasonCodes,
                       String knownIssue, List<String> ticketIds, Sort sort) {

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

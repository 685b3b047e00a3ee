package com.escalationanalyst.helpdesk;

import com.escalationanalyst.period.Period;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How every analysis selects the tickets of a period, written once: created in {@code [from, to)}, compared as UTC
 * timestamps (the ticket table aliased {@code t}), and a ticket's resolution time looked up per ticket.
 */
public final class TicketWindow {

    /** The tickets of the period: two parameters, {@link #from} and {@link #to}. */
    public static final String CREATED_IN_PERIOD = "t.created_at >= ? AND t.created_at < ?";

    /**
     * The resolution time of ticket {@code t}, looked up per ticket: a join would hash the whole resolution table
     * when only the period's escalated tickets are wanted.
     */
    public static final String RESOLVED_AT = "(SELECT r.resolved_at FROM resolution r WHERE r.ticket_id = t.ticket_id)";

    private TicketWindow() {
    }

    public static OffsetDateTime from(Period period) {
        return period.fromInstant().atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime to(Period period) {
        return period.toInstant().atOffset(ZoneOffset.UTC);
    }
}

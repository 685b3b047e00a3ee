package com.escalationanalyst.helpdesk;

import java.util.Set;

/**
 * Tickets were imported or synced into the helpdesk store (published once the change is committed or about to
 * be). {@code ticketIds}: the tickets changed, when known (a sync page); empty: any ticket may have changed (a
 * file import).
 */
public record TicketsChanged(long inserted, long updated, Set<String> ticketIds) {

    /** A change to any of the tickets (a file import). */
    public static TicketsChanged any(long inserted, long updated) {
        return new TicketsChanged(inserted, updated, Set.of());
    }
}

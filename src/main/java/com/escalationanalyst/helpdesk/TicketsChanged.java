package com.escalationanalyst.helpdesk;

/** Tickets were imported or synced into the helpdesk store (published once the change is committed or about to be). */
public record TicketsChanged(long inserted, long updated) {
}

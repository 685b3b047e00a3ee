package com.escalationanalyst.helpdesk.sync;

/** Variables of SyncHelpdeskProcess, shown in Cockpit (never a credential). */
final class SyncVariables {

    static final String PAGES_FETCHED = "pagesFetched";
    static final String TICKETS_UPSERTED = "ticketsUpserted";
    static final String TICKETS_DELETED_AT_SOURCE = "ticketsDeletedAtSource";
    static final String END_OF_STREAM = "endOfStream";
    static final String RATE_LIMITED = "rateLimited";
    /** ISO-8601 duration the API asked to wait (Retry-After), for the timer. */
    static final String RETRY_AFTER = "retryAfter";
    static final String CURSOR = "cursor";

    private SyncVariables() {
    }
}

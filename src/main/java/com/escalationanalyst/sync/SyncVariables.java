package com.escalationanalyst.sync;

/** Variables of the sync processes, shown in Cockpit (never a credential). */
public final class SyncVariables {

    public static final String PAGES_FETCHED = "pagesFetched";
    public static final String END_OF_STREAM = "endOfStream";
    public static final String RATE_LIMITED = "rateLimited";
    /** ISO-8601 duration the API asked to wait (Retry-After), for the timer. */
    public static final String RETRY_AFTER = "retryAfter";
    /** Where the next page starts: the export cursor (helpdesk), the search's paging token (CRM). */
    public static final String CURSOR = "cursor";

    public static final String TICKETS_UPSERTED = "ticketsUpserted";
    public static final String TICKETS_DELETED_AT_SOURCE = "ticketsDeletedAtSource";

    public static final String COMPANIES_UPSERTED = "companiesUpserted";
    public static final String COMPANIES_WITHOUT_ACCOUNT_ID = "companiesWithoutAccountId";
    /** Epoch milliseconds at which the run's first page was asked for: the next run's "modified since". */
    public static final String RUN_STARTED_AT = "runStartedAt";

    private SyncVariables() {
    }
}

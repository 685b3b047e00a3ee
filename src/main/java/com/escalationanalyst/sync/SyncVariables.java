package com.escalationanalyst.sync;

/** Variables of the sync processes, shown in Cockpit (never a credential). */
public final class SyncVariables {

    public static final String PAGES_FETCHED = "pagesFetched";
    public static final String END_OF_STREAM = "endOfStream";
    public static final String RATE_LIMITED = "rateLimited";
    /** 429 answers in a row (the back-off doubles with each when the API does not say how long to wait). */
    public static final String RATE_LIMITED_IN_A_ROW = "rateLimitedInARow";
    /** ISO-8601 duration the API asked to wait (Retry-After), for the timer. */
    public static final String RETRY_AFTER = "retryAfter";
    /** Where the next page starts: the export cursor (helpdesk), the search's paging token (CRM). */
    public static final String CURSOR = "cursor";

    public static final String TICKETS_UPSERTED = "ticketsUpserted";
    /** Tickets deleted in the helpdesk and removed from the store. */
    public static final String TICKETS_DELETED_AT_SOURCE = "ticketsDeletedAtSource";
    /** Tickets deleted in the helpdesk that the store never held (nothing to remove). */
    public static final String DELETED_TICKETS_NEVER_STORED = "deletedTicketsNeverStored";
    public static final String GROUP_NAMES = "groupNames";
    public static final String EVENT_PAGES_FETCHED = "eventPagesFetched";
    public static final String EVENTS_END_OF_STREAM = "eventsEndOfStream";
    /** Where the ticket event export resumes: its start_time (epoch seconds). */
    public static final String EVENTS_START_TIME = "eventsStartTime";
    public static final String COMMENTS_STORED = "commentsStored";
    public static final String ESCALATION_CHANGES_STORED = "escalationChangesStored";
    /** Stored tickets whose notes or escalation time the event export changed. */
    public static final String TICKETS_UPDATED_FROM_EVENTS = "ticketsUpdatedFromEvents";

    public static final String COMPANIES_UPSERTED = "companiesUpserted";
    public static final String COMPANIES_WITHOUT_ACCOUNT_ID = "companiesWithoutAccountId";
    /** Epoch milliseconds at which the run's first page was asked for: the next run's "modified since". */
    public static final String RUN_STARTED_AT = "runStartedAt";

    private SyncVariables() {
    }
}

package com.escalationanalyst.sync;

/** What a feed's controller needs of its settings: where the source is, and whether and how often to sync. */
public interface FeedSettings {

    /** The source API's base URL; blank: the feed is not configured. */
    String baseUrl();

    /** True when the timer should run: switched on and configured. */
    boolean enabled();

    /** The timer's cycle, an ISO 8601 repeating interval. */
    String cycle();
}

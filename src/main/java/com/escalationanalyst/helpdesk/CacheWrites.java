package com.escalationanalyst.helpdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Writes of derived data that can be computed again (embeddings, known-issue decisions): when another run holds
 * the same keys (a lock wait that times out, as the background job and an analysis storing the same texts at
 * once can cause on H2), the write is given up instead of failing the analysis that made it.
 */
final class CacheWrites {

    private static final Logger log = LoggerFactory.getLogger(CacheWrites.class);

    private CacheWrites() {
    }

    /** Runs the write; false if it was given up for a lock held by another run. */
    static boolean tried(String what, Runnable write) {
        try {
            write.run();
            return true;
        } catch (QueryTimeoutException | ConcurrencyFailureException e) {
            log.info("Stored {} left for later: another run holds them ({})", what, e.getMostSpecificCause().getMessage());
            return false;
        }
    }
}

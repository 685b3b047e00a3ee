package com.escalationanalyst.dataimport;

import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.StoreDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports into one store merge one at a time. Two merges of overlapping files at once ran into each
 * other's uncommitted rows: on H2 one of them failed on the primary key or on a lock timeout (a 500),
 * and the counts of inserted and updated rows could be wrong on any database. So before it counts and
 * merges, an import locks its store's row in {@code <store>_import_lock} (migration V4 of each store)
 * for the rest of its transaction. A row lock works on H2 and PostgreSQL alike, also for several nodes
 * on one database; reading, checking and staging a file need no lock and still run side by side. The
 * wait is bounded: past it the import fails with {@link ImportConflictException} (409), changing nothing.
 */
final class ImportLock {

    private ImportLock() {
    }

    /** Call inside the importing transaction; the lock is held until it commits or rolls back. */
    static void acquire(StoreDatabase store, long timeoutMillis) {
        JdbcTemplate jdbc = store.jdbc();
        String lock = "SELECT store FROM " + store.name() + "_import_lock FOR UPDATE";
        try {
            if (store.dialect() == Dialect.POSTGRESQL) {
                // PostgreSQL has no per-statement wait: lock_timeout is set for the transaction around this one
                // statement and put back, so the merge after it waits as it always did (e.g. for the bulk load's lock)
                String previous = jdbc.queryForObject("SELECT current_setting('lock_timeout')", String.class);
                jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, timeoutMillis + "ms");
                jdbc.queryForList(lock, String.class);
                jdbc.queryForObject("SELECT set_config('lock_timeout', ?, true)", String.class, previous);
            } else {
                jdbc.queryForList(lock + " WAIT " + BigDecimal.valueOf(timeoutMillis, 3).toPlainString(), String.class);
            }
        } catch (PessimisticLockingFailureException | QueryTimeoutException e) {
            // H2's lock timeout is an SQLTimeoutException (the latter)
            throw new ImportConflictException(store.name(), timeoutMillis, e);
        } catch (DataAccessException e) {
            // PostgreSQL's lock_timeout (SQL state 55P03, lock_not_available) is not translated by Spring
            if (e.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                throw new ImportConflictException(store.name(), timeoutMillis, e);
            }
            throw e;
        }
    }

    private static final String LOCK_NOT_AVAILABLE = "55P03";
}

package com.escalationanalyst.sync;

import com.escalationanalyst.store.StoreDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where a feed resumes, in a cursor table of the store the feed writes to ({@code ticket_sync_cursor},
 * {@code account_sync_cursor}), so the cursor is saved in the same transaction as the rows it follows.
 */
public class SyncCursors {

    private final StoreDatabase store;
    private final String table;
    private final Clock clock;

    /** {@code table} is one of the stores' cursor tables, never input. */
    public SyncCursors(StoreDatabase store, String table, Clock clock) {
        this.store = store;
        this.table = table;
        this.clock = clock;
    }

    public Optional<String> get(String feed) {
        return store.jdbc().query("SELECT cursor_value FROM " + table + " WHERE feed = ?",
                (rs, n) -> rs.getString(1), feed).stream().findFirst();
    }

    /** When the feed's cursor was last saved, i.e. when it last stored a page. */
    public Optional<Instant> savedAt(String feed) {
        return store.jdbc().query("SELECT updated_at FROM " + table + " WHERE feed = ?",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant(), feed).stream().findFirst();
    }

    public void save(String feed, String cursor) {
        Object now = clock.instant().atOffset(ZoneOffset.UTC);
        if (store.jdbc().update("UPDATE " + table + " SET cursor_value = ?, updated_at = ? WHERE feed = ?", cursor, now, feed) == 0) {
            store.jdbc().update("INSERT INTO " + table + " (feed, cursor_value, updated_at) VALUES (?, ?, ?)", feed, cursor, now);
        }
    }
}

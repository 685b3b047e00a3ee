package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where each feed resumes. Saved in the helpdesk store's transaction that upserted the page. */
@Component
class SyncCursors {

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;

    SyncCursors(HelpdeskDatabase helpdesk, Clock clock) {
        this.helpdesk = helpdesk;
        this.clock = clock;
    }

    Optional<String> get(String feed) {
        return helpdesk.jdbc().query("SELECT cursor_value FROM sync_cursor WHERE feed = ?",
                (rs, n) -> rs.getString(1), feed).stream().findFirst();
    }

    void save(String feed, String cursor) {
        Object now = clock.instant().atOffset(ZoneOffset.UTC);
        if (helpdesk.jdbc().update("UPDATE sync_cursor SET cursor_value = ?, updated_at = ? WHERE feed = ?", cursor, now, feed) == 0) {
            helpdesk.jdbc().update("INSERT INTO sync_cursor (feed, cursor_value, updated_at) VALUES (?, ?, ?)", feed, cursor, now);
        }
    }
}

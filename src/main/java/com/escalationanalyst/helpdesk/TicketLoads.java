package com.escalationanalyst.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ticket imports and demo loads that committed: written right after each (a crash in between leaves one
 * unrecorded, which can only make the data look older than it is), read by the report's freshness check.
 */
@Component
public class TicketLoads {

    public static final String IMPORT = "import";
    public static final String DEMO = "demo";

    /** A load that committed: what it was, when it finished, and the rows it added and changed. */
    public record Load(String kind, Instant finishedAt, long inserted, long updated) {
    }

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;

    TicketLoads(HelpdeskDatabase helpdesk, Clock clock) {
        this.helpdesk = helpdesk;
        this.clock = clock;
    }

    public void record(String kind, long inserted, long updated) {
        helpdesk.jdbc().update("INSERT INTO ticket_load (kind, finished_at, rows_inserted, rows_updated) VALUES (?, ?, ?, ?)",
                kind, clock.instant().atOffset(ZoneOffset.UTC), inserted, updated);
    }

    /** The newest load, if any was recorded. */
    public Optional<Load> latest() {
        List<Load> loads = helpdesk.jdbc().query("""
                SELECT kind, finished_at, rows_inserted, rows_updated FROM ticket_load
                ORDER BY finished_at DESC, load_id DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, n) -> new Load(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3), rs.getLong(4)));
        return loads.stream().findFirst();
    }
}

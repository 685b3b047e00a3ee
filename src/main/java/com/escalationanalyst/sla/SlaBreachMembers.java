package com.escalationanalyst.sla;

import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.process.JsonVariables;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * The tickets that breached each target in an SLA attainment run, for the drill-down: one row per ticket
 * (table sla_breach_ticket), written in batches while the run measures; runs kept before that table have theirs as
 * one JSON list per target (sla_breach_member), still read.
 */
@Repository
public class SlaBreachMembers {

    /** Rows written at a time. */
    static final int BATCH = 2000;
    /** The tickets of one run and target: two parameters, the run's id and the target. */
    public static final String TICKETS_OF_RUN = "SELECT m.ticket_id FROM sla_breach_ticket m WHERE m.run_id = ? AND m.target = ?";

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;
    private final Duration retention;

    SlaBreachMembers(HelpdeskDatabase helpdesk, Clock clock,
                     EscalationSettings escalation) {
        this.helpdesk = helpdesk;
        this.clock = clock;
        this.retention = escalation.archive().retention();
    }

    /**
     * Forgets the run's earlier rows (a retried step) and those of runs past the retention, and returns the writer of
     * its breaches; closing it writes what is left.
     */
    Writer writer(String runId) {
        Instant now = clock.instant();
        Timestamp expired = Timestamp.from(now.minus(retention));
        helpdesk.jdbc().update("DELETE FROM sla_breach_ticket WHERE run_id = ? OR created_at < ?", runId, expired);
        helpdesk.jdbc().update("DELETE FROM sla_breach_member WHERE run_id = ? OR created_at < ?", runId, expired);
        // an empty row per target says the run kept its breaches, however few it had
        helpdesk.jdbc().batchUpdate("INSERT INTO sla_breach_member (run_id, target, ticket_ids, created_at) VALUES (?, ?, ?, ?)",
                SlaAttainment.TARGETS.stream().map(t -> new Object[] {runId, t, "[]", Timestamp.from(now)}).toList());
        return new Writer(runId, Timestamp.from(now));
    }

    /** Writes a run's breached tickets {@link #BATCH} at a time. */
    final class Writer implements SlaAttainment.Breaches, AutoCloseable {
        private final String runId;
        private final Timestamp createdAt;
        private final List<Object[]> rows = new ArrayList<>(BATCH);

        private Writer(String runId, Timestamp createdAt) {
            this.runId = runId;
            this.createdAt = createdAt;
        }

        @Override
        public void breached(String target, String ticketId) {
            rows.add(new Object[] {runId, target, ticketId, createdAt});
            if (rows.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (!rows.isEmpty()) {
                helpdesk.jdbc().batchUpdate("INSERT INTO sla_breach_ticket (run_id, target, ticket_id, created_at)"
                        + " VALUES (?, ?, ?, ?)", rows);
                rows.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** Whether the run kept its breaches (a run with none keeps empty lists). */
    public boolean known(String runId) {
        return helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM sla_breach_member WHERE run_id = ?", Long.class, runId) > 0;
    }

    /**
     * The tickets of that run that breached {@code target} as a list when the run kept them as one (before table
     * sla_breach_ticket); empty when they are in that table ({@link #TICKETS_OF_RUN} selects them) or the run is unknown.
     */
    public List<String> listed(String runId, String target) {
        List<String> joined = helpdesk.jdbc().queryForList("SELECT ticket_ids FROM sla_breach_member WHERE run_id = ?"
                + " AND target = ?", String.class, runId, target);
        return joined.isEmpty() ? List.of() : JsonVariables.idList(joined.get(0), "sla_breach_member of " + runId);
    }
}

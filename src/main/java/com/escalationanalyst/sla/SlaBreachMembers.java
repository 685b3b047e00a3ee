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
import java.util.Map;
import org.springframework.stereotype.Repository;

/** The tickets that breached each target in an SLA attainment run (table sla_breach_member), for the drill-down. */
@Repository
public class SlaBreachMembers {

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;
    private final Duration retention;

    SlaBreachMembers(HelpdeskDatabase helpdesk, Clock clock,
                     EscalationSettings escalation) {
        this.helpdesk = helpdesk;
        this.clock = clock;
        this.retention = escalation.archive().retention();
    }

    /** Keeps the run's breached tickets per target and forgets those of runs past the retention. */
    void keep(String runId, Map<String, List<String>> breached) {
        Instant now = clock.instant();
        helpdesk.jdbc().update("DELETE FROM sla_breach_member WHERE run_id = ? OR created_at < ?", runId,
                Timestamp.from(now.minus(retention)));
        List<Object[]> rows = new ArrayList<>();
        breached.forEach((target, ids) -> rows.add(new Object[] {runId, target, JsonVariables.idList(ids), Timestamp.from(now)}));
        helpdesk.jdbc().batchUpdate("INSERT INTO sla_breach_member (run_id, target, ticket_ids, created_at) VALUES (?, ?, ?, ?)",
                rows);
    }

    /** Whether the run kept its breaches (a run with none keeps empty lists). */
    public boolean known(String runId) {
        return helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM sla_breach_member WHERE run_id = ?", Long.class, runId) > 0;
    }

    /** The tickets of that run that breached {@code target}; empty when the run is unknown. */
    public List<String> of(String runId, String target) {
        List<String> joined = helpdesk.jdbc().queryForList("SELECT ticket_ids FROM sla_breach_member WHERE run_id = ?"
                + " AND target = ?", String.class, runId, target);
        return joined.isEmpty() ? List.of() : JsonVariables.idList(joined.get(0), "sla_breach_member of " + runId);
    }
}

package com.escalationanalyst.analysis.patterns;

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

/** SQL of {@code cluster_member}: every ticket of each cluster a patterns run reported, for its drill-down. */
@Repository
public class ClusterMembers {

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;
    private final Duration retention;

    ClusterMembers(HelpdeskDatabase helpdesk, Clock clock,
                   EscalationSettings escalation) {
        this.helpdesk = helpdesk;
        this.clock = clock;
        this.retention = escalation.archive().retention();
    }

    /** Keeps the run's clusters (numbered by their place in its answer) and forgets those past the retention. */
    void keep(String runId, List<KnownIssueCrossReference.Cluster> clusters) {
        Instant now = clock.instant();
        helpdesk.jdbc().update("DELETE FROM cluster_member WHERE run_id = ? OR created_at < ?", runId,
                Timestamp.from(now.minus(retention)));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            rows.add(new Object[] {runId, i, JsonVariables.idList(clusters.get(i).members()), Timestamp.from(now)});
        }
        helpdesk.jdbc().batchUpdate("INSERT INTO cluster_member (run_id, cluster_no, ticket_ids, created_at)"
                + " VALUES (?, ?, ?, ?)", rows);
    }

    /** The tickets of cluster {@code clusterNo} of that run; empty when the run or the cluster is unknown. */
    public List<String> of(String runId, int clusterNo) {
        List<String> joined = helpdesk.jdbc().queryForList("SELECT ticket_ids FROM cluster_member WHERE run_id = ?"
                + " AND cluster_no = ?", String.class, runId, clusterNo);
        return joined.isEmpty() ? List.of() : JsonVariables.idList(joined.get(0), "cluster_member of " + runId);
    }
}

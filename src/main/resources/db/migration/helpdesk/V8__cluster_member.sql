-- The tickets of each candidate new known issue (cluster) a patterns run reported, by its process instance id and
-- the cluster's place in its answer: the drill-down lists them (the answer itself keeps only the first 20 ids).
-- One row per cluster, its ticket ids as a JSON list: a run writes ten rows however large its clusters.
-- Kept as long as the analyses archive keeps runs (escalation.archive.retention).
CREATE TABLE cluster_member (
    run_id      VARCHAR(64) NOT NULL,
    cluster_no  INTEGER     NOT NULL,
    ticket_ids  ${text}     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_member PRIMARY KEY (run_id, cluster_no)
);
CREATE INDEX ix_cluster_member_created ON cluster_member (created_at);

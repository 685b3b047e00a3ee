-- The tickets that breached each SLA target in an SLA attainment run, by its process instance id: the drill-down
-- lists them (the clock cannot be a SQL filter). One row per target, the ids as a JSON list; kept as long as the
-- analyses archive keeps runs (escalation.archive.retention).
CREATE TABLE sla_breach_member (
    run_id      VARCHAR(64) NOT NULL,
    target      VARCHAR(16) NOT NULL,
    ticket_ids  ${text}     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sla_breach_member PRIMARY KEY (run_id, target)
);
CREATE INDEX ix_sla_breach_member_created ON sla_breach_member (created_at);

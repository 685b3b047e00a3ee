-- The tickets that breached each SLA target in an SLA attainment run, one row per ticket: written in batches while
-- the run measures and selected by the drill-down with a subquery, so neither holds a run's breaches in memory
-- however long its period. Runs kept before this table have theirs as JSON lists in sla_breach_member.
-- Kept as long as the analyses archive keeps runs (escalation.archive.retention).
CREATE TABLE sla_breach_ticket (
    run_id      VARCHAR(64) NOT NULL,
    target      VARCHAR(16) NOT NULL,
    ticket_id   VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sla_breach_ticket PRIMARY KEY (run_id, target, ticket_id)
);
CREATE INDEX ix_sla_breach_ticket_created ON sla_breach_ticket (created_at);

-- One row per SLA monitor cycle with its counts, shown on /sla (Cockpit does not open finished process instances).
-- The newest 2,000 are kept.
CREATE TABLE sla_monitor_cycle (
    process_instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
    checked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    open_tickets        INTEGER NOT NULL,
    without_policy      INTEGER NOT NULL,
    newly_at_risk       BIGINT  NOT NULL,
    newly_breached      BIGINT  NOT NULL,
    teams_with_alerts   INTEGER NOT NULL,
    open_alerts         BIGINT  NOT NULL
);
CREATE INDEX ix_sla_monitor_cycle_checked ON sla_monitor_cycle (checked_at);

-- SLA monitoring (src/main/java/com/escalationanalyst/sla/).
-- A ticket's status changes from the helpdesk's event export: the SLA clock pauses while a ticket is pending.
CREATE TABLE ticket_status_change (
    ticket_id  VARCHAR(64) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status     VARCHAR(16) NOT NULL,
    CONSTRAINT pk_ticket_status_change PRIMARY KEY (ticket_id, changed_at, status)
);

-- Each ticket is raised once per target and state (at risk, breached): the monitor's next cycle does not raise it
-- again. team is the ticket's assignee group when it was raised; due_at the target's due time then.
CREATE TABLE sla_alert (
    ticket_id  VARCHAR(64) NOT NULL,
    target     VARCHAR(16) NOT NULL,
    state      VARCHAR(16) NOT NULL,
    team       VARCHAR(128) NOT NULL,
    due_at     TIMESTAMP WITH TIME ZONE,
    raised_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sla_alert PRIMARY KEY (ticket_id, target, state)
);
CREATE INDEX ix_sla_alert_team ON sla_alert (team, raised_at);

-- the monitor reads the open tickets every few minutes
CREATE INDEX ix_ticket_status ON ticket (status);

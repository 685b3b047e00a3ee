-- Helpdesk store: tickets and their resolutions (DESIGN.md "Data model").
-- Instants are stored as timestamps with time zone, normalised to UTC on import.
CREATE TABLE ticket (
    ticket_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    priority               VARCHAR(16)   NOT NULL,
    channel                VARCHAR(64),
    product_area           VARCHAR(128),
    account_id             VARCHAR(64),
    subject                VARCHAR(1000),
    escalated              BOOLEAN       NOT NULL,
    escalated_at           TIMESTAMP WITH TIME ZONE,
    escalation_reason_code VARCHAR(64),
    assignee_group         VARCHAR(128),
    first_response_at      TIMESTAMP WITH TIME ZONE,
    handle_time_minutes    INTEGER,
    CONSTRAINT ck_ticket_status CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),
    CONSTRAINT ck_ticket_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    CONSTRAINT ck_ticket_escalated_at CHECK (escalated OR escalated_at IS NULL),
    CONSTRAINT ck_ticket_handle_time CHECK (handle_time_minutes IS NULL OR handle_time_minutes >= 0)
);

-- period queries: all tickets of a period, escalated tickets of a period, per-account totals
CREATE INDEX ix_ticket_created_at ON ticket (created_at);
CREATE INDEX ix_ticket_escalated_created_at ON ticket (escalated, created_at);
CREATE INDEX ix_ticket_account_created_at ON ticket (account_id, created_at);

CREATE TABLE resolution (
    ticket_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    resolution_type  VARCHAR(32)  NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_notes VARCHAR(20000),
    CONSTRAINT fk_resolution_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (ticket_id) ON DELETE CASCADE
);

-- One import at a time per import_id; rows are removed in the importing transaction.
CREATE ${unlogged} TABLE ticket_import_staging (
    import_id              VARCHAR(36)   NOT NULL,
    line_no                BIGINT        NOT NULL,
    ticket_id              VARCHAR(64)   NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    status                 VARCHAR(16)   NOT NULL,
    priority               VARCHAR(16)   NOT NULL,
    channel                VARCHAR(64),
    product_area           VARCHAR(128),
    account_id             VARCHAR(64),
    subject                VARCHAR(1000),
    escalated              BOOLEAN       NOT NULL,
    escalated_at           TIMESTAMP WITH TIME ZONE,
    escalation_reason_code VARCHAR(64),
    assignee_group         VARCHAR(128),
    first_response_at      TIMESTAMP WITH TIME ZONE,
    handle_time_minutes    INTEGER,
    resolution_type        VARCHAR(32),
    resolved_at            TIMESTAMP WITH TIME ZONE,
    resolution_notes       VARCHAR(20000)
);
CREATE INDEX ix_ticket_import_staging ON ticket_import_staging (import_id, ticket_id);

-- What the helpdesk's ticket event export says about a ticket, kept so that a ticket's notes and escalation
-- time can be worked out again whichever of the two exports (tickets, ticket events) arrives first.
-- Derivation: src/main/java/com/escalationanalyst/helpdesk/sync/TicketSourceFacts.java.

-- The ticket's comments (public and internal), one row per comment.
CREATE TABLE ticket_comment (
    comment_id  BIGINT        NOT NULL PRIMARY KEY,
    ticket_id   VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    author_id   VARCHAR(64),
    is_public   BOOLEAN       NOT NULL,
    body        VARCHAR(20000) NOT NULL
);
CREATE INDEX ix_ticket_comment_ticket ON ticket_comment (ticket_id, created_at);

-- The latest change of the escalation field (its time and the value it set) and the ticket's requester.
CREATE TABLE ticket_source (
    ticket_id             VARCHAR(64) NOT NULL PRIMARY KEY,
    requester_id          VARCHAR(64),
    escalation_changed_at TIMESTAMP WITH TIME ZONE,
    escalation_set        BOOLEAN
);

-- Assignee group names by the helpdesk's group id, refreshed at every sync.
CREATE TABLE assignee_group (
    group_id   VARCHAR(128) NOT NULL PRIMARY KEY,
    name       VARCHAR(255) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

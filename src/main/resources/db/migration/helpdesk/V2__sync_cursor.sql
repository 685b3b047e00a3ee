-- Where each feed resumes: written in the transaction that upserts the page it follows.
CREATE TABLE ticket_sync_cursor (
    feed        VARCHAR(64)   NOT NULL PRIMARY KEY,
    cursor_value VARCHAR(2000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

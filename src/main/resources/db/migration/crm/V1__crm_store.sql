-- CRM store: customer accounts (DESIGN.md "Data model").
CREATE TABLE account (
    account_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    name       VARCHAR(300)   NOT NULL,
    segment    VARCHAR(64)    NOT NULL,
    tier       VARCHAR(64),
    region     VARCHAR(64),
    industry   VARCHAR(128),
    arr        NUMERIC(18, 2),
    CONSTRAINT ck_account_arr CHECK (arr IS NULL OR arr >= 0)
);
CREATE INDEX ix_account_segment ON account (segment);

CREATE ${unlogged} TABLE account_import_staging (
    import_id  VARCHAR(36)    NOT NULL,
    line_no    BIGINT         NOT NULL,
    account_id VARCHAR(64)    NOT NULL,
    name       VARCHAR(300)   NOT NULL,
    segment    VARCHAR(64)    NOT NULL,
    tier       VARCHAR(64),
    region     VARCHAR(64),
    industry   VARCHAR(128),
    arr        NUMERIC(18, 2)
);
CREATE INDEX ix_account_import_staging ON account_import_staging (import_id, account_id);

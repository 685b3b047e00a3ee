-- Every analysis run with its inputs and answer, kept for people to find later: Cockpit's community edition does
-- not open finished process instances, and an API run ends as it answers. run_id is the process instance id;
-- summary holds the rows of the run's review table as the form shows them.
CREATE TABLE analysis_run (
    run_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    skill        VARCHAR(32)   NOT NULL,
    title        VARCHAR(500)  NOT NULL,
    started_by   VARCHAR(128),
    source       VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    inputs       ${text}       NOT NULL,
    result       ${text}       NOT NULL,
    summary      ${text},
    report_id    VARCHAR(36)
);
CREATE INDEX ix_analysis_run_created ON analysis_run (created_at);
CREATE INDEX ix_analysis_run_skill ON analysis_run (skill, created_at);
CREATE INDEX ix_analysis_run_user ON analysis_run (started_by, created_at);

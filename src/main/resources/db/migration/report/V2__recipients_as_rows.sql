-- One row per recipient instead of one comma-joined text: an address may carry a display name with a comma
-- ("Doe, Jane" <jane.doe@example.com>). A configured recipient that is not an e-mail address is kept with the
-- reason it is refused, so the report lists it.
CREATE TABLE monthly_report_recipient (
    report_id  VARCHAR(36)   NOT NULL,
    position   INTEGER       NOT NULL,
    address    VARCHAR(1000) NOT NULL,
    refusal    VARCHAR(1000),
    CONSTRAINT pk_monthly_report_recipient PRIMARY KEY (report_id, position),
    CONSTRAINT fk_monthly_report_recipient FOREIGN KEY (report_id) REFERENCES monthly_report (report_id) ON DELETE CASCADE
);

-- Reports stored before held bare addresses (local@domain, no display name) joined with ',': one row each, in order.
INSERT INTO monthly_report_recipient (report_id, position, address)
WITH RECURSIVE split (report_id, position, address, rest) AS (
    SELECT report_id, 0,
           CAST(CASE WHEN POSITION(',' IN recipients) = 0 THEN recipients
                     ELSE SUBSTRING(recipients FROM 1 FOR POSITION(',' IN recipients) - 1) END AS VARCHAR(1000)),
           CAST(CASE WHEN POSITION(',' IN recipients) = 0 THEN ''
                     ELSE SUBSTRING(recipients FROM POSITION(',' IN recipients) + 1) END AS ${text})
    FROM monthly_report
    WHERE LENGTH(recipients) > 0
    UNION ALL
    SELECT report_id, position + 1,
           CAST(CASE WHEN POSITION(',' IN rest) = 0 THEN rest
                     ELSE SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1) END AS VARCHAR(1000)),
           CAST(CASE WHEN POSITION(',' IN rest) = 0 THEN ''
                     ELSE SUBSTRING(rest FROM POSITION(',' IN rest) + 1) END AS ${text})
    FROM split
    WHERE LENGTH(rest) > 0
)
SELECT report_id, position, address FROM split;

ALTER TABLE monthly_report DROP COLUMN recipients;

-- A recipient is settled when the server took its message ('delivered') or refused it for good ('refused', with
-- the server's answer in reason; delivered_at is then when it refused). A retried send skips both.
ALTER TABLE monthly_report_delivery ADD COLUMN status VARCHAR(16) DEFAULT 'delivered' NOT NULL;
ALTER TABLE monthly_report_delivery ADD COLUMN reason VARCHAR(1000);
-- recipients now keep their display names
ALTER TABLE monthly_report_delivery ALTER COLUMN recipient SET DATA TYPE VARCHAR(1000);

-- Monthly escalation reports as they were built and sent, and one row per recipient that received one.
CREATE TABLE monthly_report (
    report_id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    report_month        VARCHAR(7)    NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL,
    trigger_source      VARCHAR(16)   NOT NULL,
    subject             VARCHAR(300)  NOT NULL,
    html                ${text}       NOT NULL,
    text_body           ${text}       NOT NULL,
    chart_png           ${bytes}      NOT NULL,
    recipients          ${text}       NOT NULL,
    numbers             ${text}       NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    send_requested      BOOLEAN       NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_monthly_report_month ON monthly_report (report_month, created_at);

-- Written, in a transaction of its own, right after the message for that recipient was handed over:
-- a retried send job skips every recipient listed here.
CREATE TABLE monthly_report_delivery (
    report_id  VARCHAR(36)  NOT NULL,
    recipient  VARCHAR(320) NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    transport  VARCHAR(16)  NOT NULL,
    reference  VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_monthly_report_delivery PRIMARY KEY (report_id, recipient),
    CONSTRAINT fk_monthly_report_delivery FOREIGN KEY (report_id) REFERENCES monthly_report (report_id)
);

package com.escalationanalyst.archive;

import java.time.OffsetDateTime;

/**
 * One kept analysis run. {@code inputs} and {@code result} are JSON as the run read and answered them, {@code summary} the
 * rows of its review table (JSON, formatted as the form shows them);
 * {@code reportId} names the stored monthly report of a report run.
 */
public record ArchivedRun(String id, String skill, String title, String startedBy, String source,
                          OffsetDateTime createdAt, String inputs, String result, String summary,
                          String reportId) {

    /** The skills, as stored and as the API's {@code skill} filter takes them. */
    public static final String PATTERNS = "escalation-patterns";
    public static final String SEGMENTS = "segment-rates";
    public static final String MONTHLY_REPORT = "monthly-report";
    public static final String SLA_ATTAINMENT = "sla-attainment";

    /** Where a browser opens it. */
    public String page() {
        return "/analyses/" + id;
    }
}

package com.escalationanalyst.report;

import java.time.OffsetDateTime;
import java.util.List;

/** A monthly report as it was built (and sent): the archive's row. */
public record StoredReport(String reportId, String month, String timeZone, String trigger, String subject, String html,
                           String text, byte[] chartPng, List<String> recipients, String numbers,
                           String processInstanceId, OffsetDateTime createdAt, boolean sendRequested,
                           OffsetDateTime sentAt) {

    /** A line of the archive list. */
    public record Summary(String reportId, String month, String subject, String trigger, OffsetDateTime createdAt,
                          boolean sendRequested, OffsetDateTime sentAt, String processInstanceId) {
    }

    /** One recipient that received the report. */
    public record Delivery(String recipient, OffsetDateTime deliveredAt, String transport, String reference) {
    }
}

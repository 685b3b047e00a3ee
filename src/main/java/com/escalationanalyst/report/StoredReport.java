package com.escalationanalyst.report;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A monthly report as it was built (and sent): the archive's row. {@code recipients} are the addresses it
 * goes to (RFC 822, display names kept); {@code refusedRecipients} the configured ones that were not
 * addresses when it was stored.
 */
public record StoredReport(String reportId, String month, String timeZone, String trigger, String subject, String html,
                           String text, byte[] chartPng, List<String> recipients, List<Refusal> refusedRecipients,
                           String numbers, String processInstanceId, OffsetDateTime createdAt, boolean sendRequested,
                           OffsetDateTime sentAt) {

    static final String REFUSED_BY_CONFIGURATION = "configuration";

    /** A line of the archive list. */
    public record Summary(String reportId, String month, String subject, String trigger, OffsetDateTime createdAt,
                          boolean sendRequested, OffsetDateTime sentAt, String processInstanceId) {
    }

    /** One recipient that received the report. */
    public record Delivery(String recipient, OffsetDateTime deliveredAt, String transport, String reference) {
    }

    /**
     * A recipient that does not get the report, for good: {@code refusedBy} is "configuration" (not an e-mail
     * address) or the transport whose server refused it ("smtp").
     */
    public record Refusal(String recipient, String reason, String refusedBy, OffsetDateTime refusedAt) {
    }
}

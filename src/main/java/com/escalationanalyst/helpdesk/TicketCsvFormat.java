package com.escalationanalyst.helpdesk;

import com.escalationanalyst.csv.CsvFields;
import com.escalationanalyst.csv.CsvRowFormat;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The tickets CSV: the canonical ticket columns followed by the resolution columns. */
public final class TicketCsvFormat implements CsvRowFormat<TicketRow> {

    public static final List<String> COLUMNS = List.of(
            "ticket_id", "created_at", "status", "priority", "channel", "product_area", "account_id", "subject",
            "escalated", "escalated_at", "escalation_reason_code", "assignee_group", "first_response_at",
            "handle_time_minutes", "resolution_type", "resolved_at", "resolution_notes");

    public static final Set<String> STATUSES = Set.of("new", "open", "pending", "solved", "closed");
    public static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    private static final Pattern RESOLUTION_TYPE = Pattern.compile("[a-z][a-z0-9_]*");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public TicketRow parse(CsvFields f) {
        String ticketId = f.text("ticket_id", 64, true);
        OffsetDateTime createdAt = f.instant("created_at", true);
        String status = f.oneOf("status", STATUSES, true);
        String priority = f.oneOf("priority", PRIORITIES, true);
        String channel = f.text("channel", 64, false);
        String productArea = f.text("product_area", 128, false);
        String accountId = f.text("account_id", 64, false);
        String subject = f.text("subject", 1000, false);
        Boolean escalated = f.bool("escalated", true);
        OffsetDateTime escalatedAt = f.instant("escalated_at", false);
        String reasonCode = f.text("escalation_reason_code", 64, false);
        String assigneeGroup = f.text("assignee_group", 128, false);
        OffsetDateTime firstResponseAt = f.instant("first_response_at", false);
        Integer handleTime = f.nonNegativeInt("handle_time_minutes", false);
        String resolutionType = f.text("resolution_type", 32, false);
        OffsetDateTime resolvedAt = f.instant("resolved_at", false);
        String notes = f.text("resolution_notes", 20000, false);

        boolean valid = ticketId != null && createdAt != null && status != null && priority != null && escalated != null;
        if (escalated != null) {
            if (escalated && escalatedAt == null && f.raw("escalated_at") == null) {
                f.error("escalated_at", "is required when escalated is true");
                valid = false;
            } else if (!escalated && f.raw("escalated_at") != null) {
                f.error("escalated_at", "must be empty when escalated is false");
                valid = false;
            }
        }
        valid &= notBefore(f, "escalated_at", escalatedAt, createdAt);
        valid &= notBefore(f, "first_response_at", firstResponseAt, createdAt);
        valid &= notBefore(f, "resolved_at", resolvedAt, createdAt);
        if (resolutionType != null && !RESOLUTION_TYPE.matcher(resolutionType).matches()) {
            f.error("resolution_type", "'" + resolutionType + "' must be a lower-case word such as fixed, workaround, "
                    + "known_issue, no_fault, duplicate or refund");
            valid = false;
        }
        if (resolutionType == null && (f.raw("resolved_at") != null || f.raw("resolution_notes") != null)) {
            f.error("resolution_type", "is required when resolved_at or resolution_notes is given");
            valid = false;
        }
        if (resolutionType != null && resolvedAt == null && f.raw("resolved_at") == null) {
            f.error("resolved_at", "is required when resolution_type is given");
            valid = false;
        }
        if (!valid || f.hasErrors()) {
            return null;
        }
        return new TicketRow(ticketId, createdAt, status, priority, channel, productArea, accountId, subject,
                escalated, escalatedAt, reasonCode, assigneeGroup, firstResponseAt, handleTime,
                resolutionType, resolvedAt, notes);
    }

    private static boolean notBefore(CsvFields f, String column, OffsetDateTime value, OffsetDateTime createdAt) {
        if (value != null && createdAt != null && value.isBefore(createdAt)) {
            f.error(column, "is before created_at");
            return false;
        }
        return true;
    }
}

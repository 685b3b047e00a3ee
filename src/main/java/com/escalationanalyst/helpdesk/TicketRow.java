package com.escalationanalyst.helpdesk;

import java.time.OffsetDateTime;

/** A helpdesk ticket with its resolution (resolution fields are null for an unresolved ticket). */
public record TicketRow(
        String ticketId,
        OffsetDateTime createdAt,
        String status,
        String priority,
        String channel,
        String productArea,
        String accountId,
        String subject,
        boolean escalated,
        OffsetDateTime escalatedAt,
        String escalationReasonCode,
        String assigneeGroup,
        OffsetDateTime firstResponseAt,
        Integer handleTimeMinutes,
        String resolutionType,
        OffsetDateTime resolvedAt,
        String resolutionNotes) {
}

package com.escalationanalyst.drilldown;

import java.time.OffsetDateTime;

/** One ticket of a drill-down list; {@code team} is the assignee group's name where the helpdesk gave one. */
record TicketLine(String ticketId, OffsetDateTime createdAt, String status, String priority, String channel,
                  String productArea, String accountId, String team, String subject, boolean escalated,
                  OffsetDateTime escalatedAt, String reasonCode, String rootCause, String resolutionType,
                  OffsetDateTime resolvedAt, String resolutionNotes) {
}

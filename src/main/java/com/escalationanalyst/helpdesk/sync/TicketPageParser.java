package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.MalformedPageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one page of Zendesk's cursor-based incremental ticket export (with {@code include=metric_sets})
 * into ticket rows. Mapping: id → ticket_id; organization_id → account_id; via.channel → channel;
 * group_id → assignee_group; status hold → pending; priority none → normal; custom fields (ids from
 * configuration) → escalated, escalation_reason_code (a dropdown tag such as {@code bug_confirmed} becomes
 * {@code BUG-CONFIRMED}), product_area, handle_time_minutes; metric set: first reply → first_response_at,
 * solved_at → resolved_at (resolution type "solved"); requester_id is kept aside (that person's comments are
 * not notes). Tickets with status deleted are listed for removal from the store.
 * Any field that cannot be read makes the whole page malformed.
 */
final class TicketPageParser {

    /** {@code requesters}: ticket id → requester id (whose comments are not notes); {@code deletedIds}: status deleted. */
    record Page(List<TicketRow> rows, Map<String, String> requesters, List<String> deletedIds, String afterCursor,
                boolean endOfStream) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATUSES = Set.of("new", "open", "pending", "solved", "closed");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final HelpdeskSyncSettings settings;
    private final InstantRange instants;

    TicketPageParser(HelpdeskSyncSettings settings, InstantRange instants) {
        this.settings = settings;
        this.instants = instants;
    }

    Page parse(String body, String page) {
        JsonNode root = MalformedPageException.read(body, page);
        if (!root.path("tickets").isArray() || !root.path("end_of_stream").isBoolean()) {
            throw new MalformedPageException(page + ": no 'tickets' array or 'end_of_stream' flag");
        }
        Map<Long, JsonNode> metrics = new HashMap<>();
        for (JsonNode set : root.path("metric_sets")) {
            metrics.put(set.path("ticket_id").asLong(), set);
        }
        List<TicketRow> rows = new ArrayList<>();
        Map<String, String> requesters = new HashMap<>();
        List<String> deleted = new ArrayList<>();
        int index = 0;
        for (JsonNode ticket : root.get("tickets")) {
            String where = page + ": tickets[" + index++ + "]";
            if (!ticket.path("id").canConvertToLong()) {
                throw new MalformedPageException(where + ".id: missing or not a number");
            }
            long id = ticket.get("id").asLong();
            where = where + " (id " + id + ")";
            String status = text(ticket, "status");
            if ("deleted".equals(status)) {
                deleted.add(Long.toString(id));
                continue;
            }
            status = "hold".equals(status) ? "pending" : status;
            if (status == null || !STATUSES.contains(status)) {
                throw new MalformedPageException(where + ".status: '" + status + "' is not a ticket status");
            }
            String priority = text(ticket, "priority");
            priority = priority == null ? "normal" : priority;
            if (!PRIORITIES.contains(priority)) {
                throw new MalformedPageException(where + ".priority: '" + priority + "' is not a priority");
            }
            OffsetDateTime created = time(ticket.path("created_at"), where + ".created_at");
            if (created == null) {
                throw new MalformedPageException(where + ".created_at: missing");
            }
            Map<Long, JsonNode> fields = new HashMap<>();
            for (JsonNode field : ticket.path("custom_fields")) {
                fields.put(field.path("id").asLong(), field.path("value"));
            }
            boolean escalated = fields.getOrDefault(settings.escalatedFieldId(), JSON.nullNode()).asBoolean(false);
            String reason = escalated ? reasonCode(fields.get(settings.reasonCodeFieldId())) : null;
            JsonNode area = fields.get(settings.productAreaFieldId());
            JsonNode handle = fields.get(settings.handleTimeFieldId());
            Integer handleMinutes = null;
            if (handle != null && !handle.isNull() && !handle.asText().isBlank()) {
                try {
                    handleMinutes = Integer.valueOf(handle.asText().trim());
                } catch (NumberFormatException e) {
                    throw new MalformedPageException(where + ".custom_fields[" + settings.handleTimeFieldId()
                            + "]: handle time '" + handle.asText() + "' is not a whole number of minutes");
                }
            }
            JsonNode metric = metrics.get(id);
            OffsetDateTime solved = metric == null ? null : time(metric.path("solved_at"), where + " metric_set.solved_at");
            OffsetDateTime firstResponse = null;
            if (metric != null && metric.path("reply_time_in_minutes").path("calendar").canConvertToLong()) {
                long minutes = metric.path("reply_time_in_minutes").path("calendar").asLong();
                try {
                    firstResponse = created.plusMinutes(minutes);
                } catch (DateTimeException | ArithmeticException e) {
                    firstResponse = null; // past the last year there is: outside the range as well
                }
                if (firstResponse == null || !instants.contains(firstResponse.toInstant())) {
                    throw new MalformedPageException(where + " metric_set.reply_time_in_minutes.calendar: " + minutes
                            + " minutes after created_at is outside the accepted instants, " + instants.describe());
                }
            }
            requesters.put(Long.toString(id), text(ticket, "requester_id"));
            rows.add(new TicketRow(Long.toString(id), created, status, priority, text(ticket.path("via"), "channel"),
                    area == null || area.isNull() ? null : area.asText(), text(ticket, "organization_id"),
                    text(ticket, "subject"), escalated, null, reason, text(ticket, "group_id"), firstResponse,
                    handleMinutes, solved == null ? null : "solved", solved, null));
        }
        JsonNode after = root.path("after_cursor");
        return new Page(rows, requesters, deleted, after.isTextual() ? after.asText() : null, root.get("end_of_stream").asBoolean());
    }

    private static String reasonCode(JsonNode value) {
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim().toUpperCase(Locale.ROOT).replace('_', '-');
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private OffsetDateTime time(JsonNode value, String where) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new MalformedPageException(where + ": '" + value.asText() + "' is not an ISO-8601 time");
        }
        // a time the stores do not accept makes the page malformed, as a CSV import refuses the row
        if (!instants.contains(time.toInstant())) {
            throw new MalformedPageException(where + ": '" + value.asText() + "' is outside the accepted instants, "
                    + instants.describe());
        }
        return time;
    }
}

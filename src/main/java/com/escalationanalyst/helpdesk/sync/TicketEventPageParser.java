package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.MalformedPageException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of Zendesk's time-based Incremental Ticket Event Export ({@code include=comment_events}): each
 * ticket event's {@code Comment} child events become comments (id, ticket, time, author, public or internal,
 * plain-text body); its {@code Create} and {@code Change} child events of the escalation custom field (the field's
 * id as {@code field_name}) become escalation changes (time of the event, the value it set), those of the
 * {@code status} field status changes (the SLA clock's pauses while pending). Other child events are not needed and
 * are passed over. The page's {@code end_time} is where the next page starts.
 * Anything needed that cannot be read makes the whole page malformed.
 */
final class TicketEventPageParser {

    record Comment(long commentId, String ticketId, OffsetDateTime createdAt, String authorId, boolean isPublic,
                   String body) {
    }

    record EscalationChange(String ticketId, OffsetDateTime changedAt, boolean set) {
    }

    /** A change of the ticket's status (its {@code status} field), for the SLA clock's pauses. */
    record StatusChange(String ticketId, OffsetDateTime changedAt, String status) {
    }

    record Page(List<Comment> comments, List<EscalationChange> escalationChanges, List<StatusChange> statusChanges,
                int events, long endTime,
                boolean endOfStream) {
    }

    private final long escalatedFieldId;
    private final InstantRange instants;

    TicketEventPageParser(long escalatedFieldId, InstantRange instants) {
        this.escalatedFieldId = escalatedFieldId;
        this.instants = instants;
    }

    Page parse(String body, String page, long startTime) {
        JsonNode root = MalformedPageException.read(body, page);
        if (!root.path("ticket_events").isArray() || !root.path("end_of_stream").isBoolean()) {
            throw new MalformedPageException(page + ": no 'ticket_events' array or 'end_of_stream' flag");
        }
        JsonNode end = root.path("end_time");
        if (!end.canConvertToLong()) {
            throw new MalformedPageException(page + ".end_time: missing or not a number");
        }
        long endTime = end.asLong();
        boolean endOfStream = root.get("end_of_stream").asBoolean();
        if (endTime < startTime || (!endOfStream && endTime == startTime && root.get("ticket_events").isEmpty())) {
            // the next page would start where this one did (or before): the export would never end
            throw new MalformedPageException(page + ".end_time: " + endTime + " does not move past start_time " + startTime);
        }
        List<Comment> comments = new ArrayList<>();
        List<EscalationChange> changes = new ArrayList<>();
        List<StatusChange> statuses = new ArrayList<>();
        int index = 0;
        for (JsonNode event : root.get("ticket_events")) {
            String where = page + ": ticket_events[" + index++ + "]";
            if (!event.path("ticket_id").canConvertToLong()) {
                throw new MalformedPageException(where + ".ticket_id: missing or not a number");
            }
            String ticketId = Long.toString(event.get("ticket_id").asLong());
            where = where + " (ticket " + ticketId + ")";
            OffsetDateTime at = eventTime(event, where);
            int childIndex = 0;
            for (JsonNode child : event.path("child_events")) {
                String childWhere = where + ".child_events[" + childIndex++ + "]";
                String type = child.path("event_type").asText("");
                if ("Comment".equals(type)) {
                    comments.add(comment(child, ticketId, at, childWhere));
                } else if (("Change".equals(type) || "Create".equals(type))
                        && Long.toString(escalatedFieldId).equals(child.path("field_name").asText(null))) {
                    changes.add(new EscalationChange(ticketId, at, flag(child.path("value"), childWhere)));
                } else if (("Change".equals(type) || "Create".equals(type)) && "status".equals(child.path("field_name").asText(null))) {
                    String status = child.path("value").asText("");
                    if (!STATUSES.contains(status)) {
                        throw new MalformedPageException(childWhere + ".value: status '" + status + "' is not one of " + STATUSES);
                    }
                    statuses.add(new StatusChange(ticketId, at, status));
                }
            }
        }
        return new Page(comments, changes, statuses, index, endTime, endOfStream);
    }

    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");

    private Comment comment(JsonNode child, String ticketId, OffsetDateTime at, String where) {
        if (!child.path("id").canConvertToLong()) {
            throw new MalformedPageException(where + ".id: missing or not a number");
        }
        JsonNode body = child.path("body");
        if (!body.isTextual()) {
            throw new MalformedPageException(where + ".body: missing or not text");
        }
        JsonNode isPublic = child.path("public");
        if (!isPublic.isBoolean()) {
            throw new MalformedPageException(where + ".public: missing or not true/false");
        }
        JsonNode author = child.path("author_id");
        return new Comment(child.get("id").asLong(), ticketId, at,
                author.isMissingNode() || author.isNull() ? null : author.asText(), isPublic.asBoolean(), body.asText());
    }

    /** A checkbox field's value: true/false as JSON booleans or text; anything else is a malformed page. */
    private static boolean flag(JsonNode value, String where) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNull() || value.isMissingNode()) {
            return false; // a cleared checkbox
        }
        String text = value.asText().trim();
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        if (text.equals("false") || text.equals("0") || text.isEmpty()) {
            return false;
        }
        throw new MalformedPageException(where + ".value: '" + text + "' is not a checkbox value (true or false)");
    }

    /** The event's time: {@code created_at} (ISO-8601), else {@code timestamp} (epoch seconds). */
    private OffsetDateTime eventTime(JsonNode event, String where) {
        OffsetDateTime at;
        JsonNode created = event.path("created_at");
        if (created.isTextual()) {
            try {
                at = OffsetDateTime.parse(created.asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new MalformedPageException(where + ".created_at: '" + created.asText() + "' is not an ISO-8601 time");
            }
        } else if (event.path("timestamp").canConvertToLong()) {
            try {
                at = Instant.ofEpochSecond(event.get("timestamp").asLong()).atOffset(ZoneOffset.UTC);
            } catch (java.time.DateTimeException e) {
                throw new MalformedPageException(where + ".timestamp: " + event.get("timestamp").asText()
                        + " is outside the accepted instants, " + instants.describe());
            }
        } else {
            throw new MalformedPageException(where + ": neither created_at nor timestamp");
        }
        if (!instants.contains(at.toInstant())) {
            throw new MalformedPageException(where + ".created_at: " + at + " is outside the accepted instants, "
                    + instants.describe());
        }
        return at;
    }
}

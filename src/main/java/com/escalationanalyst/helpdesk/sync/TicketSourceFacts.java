package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.NoteMatchStore;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.Comment;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.EscalationChange;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.StatusChange;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.InLists;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the helpdesk's exports say about a ticket besides its fields (tables of migration V6), and what is
 * derived from it. Both exports call this inside their page's transaction, so a ticket's derived fields are
 * right whichever export brings its part first:
 * <ul>
 * <li><b>notes</b> of a resolved ticket: its comments, public and internal, except those written by its
 *     requester (the customer), oldest first, separated by a blank line, at most {@value #MAX_NOTES}
 *     characters (cut at a word, marked with "…"). An unresolved ticket has no notes in the store (as in a
 *     CSV import, notes belong to a resolution); they are filled in when it is resolved;</li>
 * <li><b>escalated_at</b> of an escalated ticket: the time of the latest event that set the escalation field
 *     (the latest if it was set, cleared and set again); none if the latest event cleared it, or if no such
 *     event is known.</li>
 * </ul>
 */
@Component
class TicketSourceFacts {

    static final int MAX_NOTES = 4000;
    private static final int IDS_PER_QUERY = 500;

    private final HelpdeskDatabase helpdesk;

    TicketSourceFacts(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    private JdbcTemplate jdbc() {
        return helpdesk.jdbc();
    }

    /** The requester of each ticket of a tickets page (whose comments are not notes). */
    void saveRequesters(Map<String, String> requesterByTicket) {
        requesterByTicket.forEach((ticket, requester) -> {
            if (jdbc().update("UPDATE ticket_source SET requester_id = ? WHERE ticket_id = ?", requester, ticket) == 0) {
                jdbc().update("INSERT INTO ticket_source (ticket_id, requester_id) VALUES (?, ?)", ticket, requester);
            }
        });
    }

    /**
     * The comments, escalation-field changes and status changes of an events page (a comment seen again replaces
     * the stored one; a status change seen again is kept once).
     */
    void saveEvents(List<Comment> comments, List<EscalationChange> changes, List<StatusChange> statusChanges) {
        jdbc().batchUpdate(helpdesk.dialect() == Dialect.POSTGRESQL
                ? "INSERT INTO ticket_status_change (ticket_id, changed_at, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO ticket_status_change (ticket_id, changed_at, status) KEY (ticket_id, changed_at, status) VALUES (?, ?, ?)",
                statusChanges.stream().map(c -> new Object[] {c.ticketId(), c.changedAt(), c.status()}).toList());
        String upsertComment = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "INSERT INTO ticket_comment (comment_id, ticket_id, created_at, author_id, is_public, body) VALUES (?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (comment_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id, created_at = EXCLUDED.created_at,"
                  + " author_id = EXCLUDED.author_id, is_public = EXCLUDED.is_public, body = EXCLUDED.body"
                : "MERGE INTO ticket_comment (comment_id, ticket_id, created_at, author_id, is_public, body) KEY (comment_id)"
                  + " VALUES (?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            rows.add(new Object[] {c.commentId(), c.ticketId(), c.createdAt(), c.authorId(), c.isPublic(),
                    c.body().length() > 20000 ? c.body().substring(0, 20000) : c.body()});
        }
        jdbc().batchUpdate(upsertComment, rows);
        for (EscalationChange change : changes) {
            // events arrive oldest first, pages may overlap by a second: a change never replaces a later one
            int updated = jdbc().update("""
                    UPDATE ticket_source SET escalation_changed_at = ?, escalation_set = ?
                    WHERE ticket_id = ? AND (escalation_changed_at IS NULL OR escalation_changed_at <= ?)""",
                    change.changedAt(), change.set(), change.ticketId(), change.changedAt());
            if (updated == 0 && jdbc().queryForObject("SELECT COUNT(*) FROM ticket_source WHERE ticket_id = ?",
                    Long.class, change.ticketId()) == 0) {
                jdbc().update("INSERT INTO ticket_source (ticket_id, escalation_changed_at, escalation_set) VALUES (?, ?, ?)",
                        change.ticketId(), change.changedAt(), change.set());
            }
        }
    }

    /** The rows of a tickets page with their notes and escalation time worked out from what is stored. */
    List<TicketRow> complete(List<TicketRow> rows) {
        List<String> ids = rows.stream().map(TicketRow::ticketId).toList();
        Map<String, String> notes = notes(ids);
        Map<String, OffsetDateTime> escalatedAt = escalatedAt(ids);
        List<TicketRow> completed = new ArrayList<>(rows.size());
        for (TicketRow t : rows) {
            completed.add(new TicketRow(t.ticketId(), t.createdAt(), t.status(), t.priority(), t.channel(),
                    t.productArea(), t.accountId(), t.subject(), t.escalated(),
                    t.escalated() ? escalatedAt.get(t.ticketId()) : null, t.escalationReasonCode(), t.assigneeGroup(),
                    t.firstResponseAt(), t.handleTimeMinutes(), t.resolutionType(), t.resolvedAt(),
                    t.resolutionType() == null ? null : notes.get(t.ticketId())));
        }
        return completed;
    }

    /**
     * After an events page: the stored tickets among {@code ticketIds} get their notes (if resolved) and escalation
     * time (if escalated) as now known. Returns how many tickets changed.
     */
    int applyToStoredTickets(Collection<String> ticketIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(ticketIds));
        Map<String, String> notes = notes(ids);
        Map<String, OffsetDateTime> escalatedAt = escalatedAt(ids);
        int[] changed = {0};
        for (List<String> chunk : InLists.chunks(ids, IDS_PER_QUERY)) {
            jdbc().query("SELECT t.ticket_id, t.escalated, t.escalated_at, r.resolution_type, r.resolution_notes"
                    + " FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id"
                    + " WHERE t.ticket_id IN (" + InLists.marks(chunk.size()) + ")", rs -> {
                String id = rs.getString(1);
                boolean ticketChanged = false;
                OffsetDateTime wantedAt = rs.getBoolean(2) ? escalatedAt.get(id) : null;
                OffsetDateTime storedAt = rs.getObject(3, OffsetDateTime.class);
                if (!sameInstant(wantedAt, storedAt)) {
                    jdbc().update("UPDATE ticket SET escalated_at = ? WHERE ticket_id = ?", wantedAt, id);
                    ticketChanged = true;
                }
                String wantedNotes = notes.get(id);
                if (rs.getString(4) != null && !java.util.Objects.equals(wantedNotes, rs.getString(5))) {
                    jdbc().update("UPDATE resolution SET resolution_notes = ? WHERE ticket_id = ?", wantedNotes, id);
                    ticketChanged = true;
                }
                changed[0] += ticketChanged ? 1 : 0;
            }, chunk.toArray());
        }
        return changed[0];
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    /**
     * Removes what is kept about these tickets (comments, escalation and status changes, SLA alerts), and what was
     * derived from their texts: the stored embeddings and known-issue decisions (those of the current knowledge; older ones are removed in the background anyway).
     */
    void forget(Collection<String> ticketIds, NoteEmbeddingStore embeddings, NoteMatchStore decisions,
                KnowledgeSnapshot knowledge) {
        for (List<String> chunk : InLists.chunks(ticketIds, IDS_PER_QUERY)) {
            String marks = InLists.marks(chunk.size());
            List<String> hashes = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            jdbc().query("SELECT t.subject, r.resolution_notes, t.product_area FROM ticket t"
                    + " LEFT JOIN resolution r ON r.ticket_id = t.ticket_id WHERE t.ticket_id IN (" + marks + ")", rs -> {
                String text = (rs.getString(1) == null ? "" : rs.getString(1)) + "\n"
                        + (rs.getString(2) == null ? "" : rs.getString(2));
                hashes.add(SentenceEmbeddings.hash(text));
                keys.add(knowledge.matchKey(text, rs.getString(3)));
            }, chunk.toArray());
            embeddings.delete(hashes);
            decisions.delete(keys);
            jdbc().update("DELETE FROM ticket_comment WHERE ticket_id IN (" + marks + ")", chunk.toArray());
            jdbc().update("DELETE FROM ticket_source WHERE ticket_id IN (" + marks + ")", chunk.toArray());
            jdbc().update("DELETE FROM ticket_status_change WHERE ticket_id IN (" + marks + ")", chunk.toArray());
            jdbc().update("DELETE FROM sla_alert WHERE ticket_id IN (" + marks + ")", chunk.toArray());
        }
    }

    Map<String, String> notes(Collection<String> ticketIds) {
        Map<String, StringBuilder> built = new LinkedHashMap<>();
        for (List<String> chunk : InLists.chunks(ticketIds, IDS_PER_QUERY)) {
            jdbc().query("""
                    SELECT c.ticket_id, c.body FROM ticket_comment c
                    LEFT JOIN ticket_source s ON s.ticket_id = c.ticket_id
                    WHERE c.ticket_id IN (%s)
                      AND (s.requester_id IS NULL OR c.author_id IS NULL OR c.author_id <> s.requester_id)
                    ORDER BY c.ticket_id, c.created_at, c.comment_id""".formatted(InLists.marks(chunk.size())), rs -> {
                String body = rs.getString(2).strip();
                if (!body.isEmpty()) {
                    StringBuilder notes = built.computeIfAbsent(rs.getString(1), k -> new StringBuilder());
                    if (notes.length() > 0) {
                        notes.append("\n\n");
                    }
                    notes.append(body);
                }
            }, chunk.toArray());
        }
        Map<String, String> notes = new HashMap<>();
        built.forEach((id, text) -> notes.put(id, cap(text.toString())));
        return notes;
    }

    Map<String, OffsetDateTime> escalatedAt(Collection<String> ticketIds) {
        Map<String, OffsetDateTime> times = new HashMap<>();
        for (List<String> chunk : InLists.chunks(ticketIds, IDS_PER_QUERY)) {
            jdbc().query("SELECT ticket_id, escalation_changed_at FROM ticket_source WHERE escalation_set AND ticket_id IN ("
                    + InLists.marks(chunk.size()) + ")",
                    rs -> {
                        times.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                    }, chunk.toArray());
        }
        return times;
    }

    /** At most {@value #MAX_NOTES} characters, cut after the last whole word that fits and marked with "…". */
    static String cap(String notes) {
        if (notes.length() <= MAX_NOTES) {
            return notes;
        }
        int cut = MAX_NOTES - 1;
        int space = notes.lastIndexOf(' ', cut);
        if (space > MAX_NOTES / 2) {
            cut = space;
        }
        if (Character.isHighSurrogate(notes.charAt(cut - 1))) {
            cut--;
        }
        return notes.substring(0, cut).stripTrailing() + "…";
    }
}

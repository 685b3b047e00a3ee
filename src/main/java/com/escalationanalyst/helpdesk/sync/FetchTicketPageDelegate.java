package com.escalationanalyst.helpdesk.sync;

import static com.escalationanalyst.sync.SyncVariables.CURSOR;
import static com.escalationanalyst.sync.SyncVariables.DELETED_TICKETS_NEVER_STORED;
import static com.escalationanalyst.sync.SyncVariables.END_OF_STREAM;
import static com.escalationanalyst.sync.SyncVariables.PAGES_FETCHED;
import static com.escalationanalyst.sync.SyncVariables.TICKETS_DELETED_AT_SOURCE;
import static com.escalationanalyst.sync.SyncVariables.TICKETS_UPSERTED;

import com.escalationanalyst.dataimport.ImportService;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.NoteMatchStore;
import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.helpdesk.sync.TicketPageParser.Page;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.store.InLists;
import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
import com.escalationanalyst.sync.FeedClient;
import com.escalationanalyst.sync.FeedMetrics;
import com.escalationanalyst.sync.FeedProcesses;
import com.escalationanalyst.sync.SyncCursors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fetch a page of tickets" (one job per page): GET the next page of the incremental export from the
 * stored cursor, upsert its tickets (group names for ids, notes and escalation times from the stored ticket
 * events: {@link TicketSourceFacts}), remove those deleted at source and store the page's cursor, all in one
 * helpdesk transaction. A 429 sets
 * {@code rateLimited} and {@code retryAfter} for the model's timer; a 5xx, a timeout or a malformed page
 * fails the job (retries with back-off, then an incident), and nothing of that page is stored.
 */
@Component("fetchTicketPageDelegate")
class FetchTicketPageDelegate implements JavaDelegate {

    static final String FEED = "helpdesk-tickets";
    static final String PATH = "/api/v2/incremental/tickets/cursor.json?include=metric_sets&";

    private final HelpdeskSyncSettings settings;
    private final FeedClient client;
    private final SyncCursors cursors;
    private final FeedMetrics feedMetrics;
    private final ImportService imports;
    private final HelpdeskDatabase helpdesk;
    private final TicketPageParser parser;
    private final TicketSourceFacts facts;
    private final AssigneeGroupNames groups;
    private final NoteEmbeddingStore embeddings;
    private final NoteMatchStore decisions;
    private final KnowledgeService knowledge;

    FetchTicketPageDelegate(HelpdeskSyncSettings settings, FeedClient client, ImportService imports,
                            HelpdeskDatabase helpdesk, Clock clock, InstantRange instants, TicketSourceFacts facts,
                            AssigneeGroupNames groups, NoteEmbeddingStore embeddings, NoteMatchStore decisions,
                            KnowledgeService knowledge, FeedMetrics feedMetrics) {
        this.feedMetrics = feedMetrics;
        this.decisions = decisions;
        this.knowledge = knowledge;
        this.facts = facts;
        this.groups = groups;
        this.embeddings = embeddings;
        this.settings = settings;
        this.client = client;
        this.cursors = new SyncCursors(helpdesk, "ticket_sync_cursor", clock);
        feedMetrics.watch(FEED, cursors);
        this.imports = imports;
        this.helpdesk = helpdesk;
        this.parser = new TicketPageParser(settings, instants);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (settings.baseUrl().isBlank()) {
            throw new IllegalStateException("escalation.sync.helpdesk.base-url is not set");
        }
        Optional<String> cursor = cursors.get(FEED);
        String query = cursor.map(c -> "cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                .orElse("start_time=" + settings.startTime());
        String page = "page " + query;
        FeedResponse response = client.get(settings.baseUrl() + PATH + query, settings.authorization());
        if (FeedProcesses.rateLimited(execution, response, "Helpdesk", page)) {
            return;
        }
        Page parsed = parser.parse(response.body(), page);
        Map<String, String> groupNames = groups.names();
        long[] removed = new long[1];
        helpdesk.transactions().executeWithoutResult(tx -> {
            facts.saveRequesters(parsed.requesters());
            imports.upsertTickets(facts.complete(named(parsed.rows(), groupNames)));
            removed[0] = removeDeleted(parsed.deletedIds());
            if (parsed.afterCursor() != null) {
                cursors.save(FEED, parsed.afterCursor());
            }
        });
        feedMetrics.pageStored(FEED);
        FeedProcesses.add(execution, PAGES_FETCHED, 1);
        FeedProcesses.add(execution, TICKETS_UPSERTED, parsed.rows().size());
        FeedProcesses.add(execution, TICKETS_DELETED_AT_SOURCE, removed[0]);
        FeedProcesses.add(execution, DELETED_TICKETS_NEVER_STORED, parsed.deletedIds().size() - removed[0]);
        execution.setVariable(END_OF_STREAM, parsed.endOfStream());
        execution.setVariable(CURSOR, parsed.afterCursor() != null ? parsed.afterCursor() : cursor.orElse(null));
    }

    /** The rows with their group's name in place of its id, where the name is known. */
    private static List<TicketRow> named(List<TicketRow> rows, Map<String, String> names) {
        return rows.stream().map(t -> t.assigneeGroup() == null || !names.containsKey(t.assigneeGroup()) ? t
                : new TicketRow(t.ticketId(), t.createdAt(), t.status(), t.priority(), t.channel(), t.productArea(),
                        t.accountId(), t.subject(), t.escalated(), t.escalatedAt(), t.escalationReasonCode(),
                        names.get(t.assigneeGroup()), t.firstResponseAt(), t.handleTimeMinutes(), t.resolutionType(),
                        t.resolvedAt(), t.resolutionNotes())).toList();
    }

    /**
     * Tickets deleted in the helpdesk leave the store with their resolution, comments and the embedding of their
     * text, in the page's transaction. Returns how many were stored.
     */
    private long removeDeleted(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        facts.forget(ids, embeddings, decisions, knowledge.current());
        // resolution rows go with their ticket (foreign key ON DELETE CASCADE)
        return helpdesk.jdbc().update("DELETE FROM ticket WHERE ticket_id IN (" + InLists.marks(ids.size()) + ")",
                ids.toArray());
    }
}

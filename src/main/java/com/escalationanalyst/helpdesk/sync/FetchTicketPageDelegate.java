package com.escalationanalyst.helpdesk.sync;

import static com.escalationanalyst.sync.SyncVariables.CURSOR;
import static com.escalationanalyst.sync.SyncVariables.END_OF_STREAM;
import static com.escalationanalyst.sync.SyncVariables.PAGES_FETCHED;
import static com.escalationanalyst.sync.SyncVariables.TICKETS_DELETED_AT_SOURCE;
import static com.escalationanalyst.sync.SyncVariables.TICKETS_UPSERTED;

import com.escalationanalyst.dataimport.ImportService;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.sync.TicketPageParser.Page;
import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.FeedClient;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
import com.escalationanalyst.sync.FeedProcesses;
import com.escalationanalyst.sync.SyncCursors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fetch a page of tickets" (one job per page): GET the next page of the incremental export from the
 * stored cursor, upsert its tickets and store the page's cursor in one helpdesk transaction. A 429 sets
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
    private final ImportService imports;
    private final HelpdeskDatabase helpdesk;
    private final TicketPageParser parser;

    FetchTicketPageDelegate(HelpdeskSyncSettings settings, FeedClient client, ImportService imports,
                            HelpdeskDatabase helpdesk, Clock clock, InstantRange instants) {
        this.settings = settings;
        this.client = client;
        this.cursors = new SyncCursors(helpdesk, "ticket_sync_cursor", clock);
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
        helpdesk.transactions().executeWithoutResult(tx -> {
            imports.upsertTickets(parsed.rows().iterator());
            if (parsed.afterCursor() != null) {
                cursors.save(FEED, parsed.afterCursor());
            }
        });
        FeedProcesses.add(execution, PAGES_FETCHED, 1);
        FeedProcesses.add(execution, TICKETS_UPSERTED, parsed.rows().size());
        FeedProcesses.add(execution, TICKETS_DELETED_AT_SOURCE, parsed.deleted());
        execution.setVariable(END_OF_STREAM, parsed.endOfStream());
        execution.setVariable(CURSOR, parsed.afterCursor() != null ? parsed.afterCursor() : cursor.orElse(null));
    }
}

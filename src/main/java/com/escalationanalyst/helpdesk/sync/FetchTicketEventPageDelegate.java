package com.escalationanalyst.helpdesk.sync;

import static com.escalationanalyst.sync.SyncVariables.COMMENTS_STORED;
import static com.escalationanalyst.sync.SyncVariables.ESCALATION_CHANGES_STORED;
import static com.escalationanalyst.sync.SyncVariables.EVENTS_END_OF_STREAM;
import static com.escalationanalyst.sync.SyncVariables.EVENTS_START_TIME;
import static com.escalationanalyst.sync.SyncVariables.EVENT_PAGES_FETCHED;
import static com.escalationanalyst.sync.SyncVariables.TICKETS_UPDATED_FROM_EVENTS;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketsChanged;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.Comment;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.EscalationChange;
import com.escalationanalyst.helpdesk.sync.TicketEventPageParser.Page;
import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
import com.escalationanalyst.sync.FeedClient;
import com.escalationanalyst.sync.FeedMetrics;
import com.escalationanalyst.sync.FeedProcesses;
import com.escalationanalyst.sync.SyncCursors;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "Fetch a page of ticket events" (one job per page, after the tickets' export reached its end): GET the
 * Incremental Ticket Event Export from its own stored position ({@code start_time}, feed
 * {@value #FEED}), store the page's comments and escalation-field changes, bring the notes and escalation
 * times of the stored tickets they concern up to date, and store the page's {@code end_time} as the next
 * position, in one helpdesk transaction. Faults as for the tickets' pages: a 429 waits as Retry-After says, a
 * 5xx, a timeout or a malformed page fails the job (retries, then an incident) and stores nothing of the page.
 */
@Component("fetchTicketEventPageDelegate")
class FetchTicketEventPageDelegate implements JavaDelegate {

    static final String FEED = "helpdesk-ticket-events";
    static final String PATH = "/api/v2/incremental/ticket_events.json?include=comment_events&start_time=";

    private final HelpdeskSyncSettings settings;
    private final FeedClient client;
    private final SyncCursors cursors;
    private final FeedMetrics feedMetrics;
    private final HelpdeskDatabase helpdesk;
    private final TicketEventPageParser parser;
    private final TicketSourceFacts facts;
    private final ApplicationEventPublisher events;

    FetchTicketEventPageDelegate(HelpdeskSyncSettings settings, FeedClient client, HelpdeskDatabase helpdesk, Clock clock,
                                 InstantRange instants, TicketSourceFacts facts, ApplicationEventPublisher events, FeedMetrics feedMetrics) {
        this.feedMetrics = feedMetrics;
        this.settings = settings;
        this.client = client;
        this.cursors = new SyncCursors(helpdesk, "ticket_sync_cursor", clock);
        feedMetrics.watch(FEED, cursors);
        this.helpdesk = helpdesk;
        this.parser = new TicketEventPageParser(settings.escalatedFieldId(), instants);
        this.facts = facts;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long start = cursors.get(FEED).map(Long::parseLong).orElse(settings.startTime());
        String page = "ticket events page start_time=" + start;
        FeedResponse response = client.get(settings.baseUrl() + PATH + start, settings.authorization());
        if (FeedProcesses.rateLimited(execution, response, "Helpdesk", page)) {
            return;
        }
        Page parsed = parser.parse(response.body(), page, start);
        Set<String> tickets = new HashSet<>();
        parsed.comments().stream().map(Comment::ticketId).forEach(tickets::add);
        parsed.escalationChanges().stream().map(EscalationChange::ticketId).forEach(tickets::add);
        int updated = helpdesk.transactions().execute(tx -> {
            facts.saveEvents(parsed.comments(), parsed.escalationChanges(), parsed.statusChanges());
            int changed = facts.applyToStoredTickets(tickets);
            cursors.save(FEED, Long.toString(parsed.endTime()));
            if (changed > 0) {
                events.publishEvent(new TicketsChanged(0, changed, tickets)); // new notes get their embeddings
            }
            return changed;
        });
        feedMetrics.pageStored(FEED);
        FeedProcesses.add(execution, EVENT_PAGES_FETCHED, 1);
        FeedProcesses.add(execution, COMMENTS_STORED, parsed.comments().size());
        FeedProcesses.add(execution, ESCALATION_CHANGES_STORED, parsed.escalationChanges().size());
        FeedProcesses.add(execution, TICKETS_UPDATED_FROM_EVENTS, updated);
        execution.setVariable(EVENTS_END_OF_STREAM, parsed.endOfStream());
        execution.setVariable(EVENTS_START_TIME, parsed.endTime());
    }
}

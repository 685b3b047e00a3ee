package com.escalationanalyst.crm.sync;

import static com.escalationanalyst.sync.SyncVariables.COMPANIES_UPSERTED;
import static com.escalationanalyst.sync.SyncVariables.COMPANIES_WITHOUT_ACCOUNT_ID;
import static com.escalationanalyst.sync.SyncVariables.CURSOR;
import static com.escalationanalyst.sync.SyncVariables.END_OF_STREAM;
import static com.escalationanalyst.sync.SyncVariables.PAGES_FETCHED;
import static com.escalationanalyst.sync.SyncVariables.RUN_STARTED_AT;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.crm.sync.CompanyPageParser.Page;
import com.escalationanalyst.dataimport.ImportService;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
import com.escalationanalyst.sync.FeedClient;
import com.escalationanalyst.sync.FeedMetrics;
import com.escalationanalyst.sync.FeedProcesses;
import com.escalationanalyst.sync.SyncCursors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Fetch a page of companies" (one job per page): the companies search, sorted by id, limited to
 * companies modified since the last complete run's start less a margin (none: all), from the run's paging token. A page's
 * accounts are upserted in one CRM transaction; the last page also stores when this run started, the
 * next run's "modified since". 429, 5xx and malformed pages behave as in the helpdesk sync.
 */
@Component("fetchCompanyPageDelegate")
class FetchCompanyPageDelegate implements JavaDelegate {

    static final String FEED = "crm-companies";
    static final String PATH = "/crm/v3/objects/companies/search";
    private static final Logger log = LoggerFactory.getLogger(FetchCompanyPageDelegate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CrmSyncSettings settings;
    private final FeedClient client;
    private final SyncCursors cursors;
    private final FeedMetrics feedMetrics;
    private final ImportService imports;
    private final CrmDatabase crm;
    private final Clock clock;
    private final CompanyPageParser parser;

    FetchCompanyPageDelegate(CrmSyncSettings settings, FeedClient client, ImportService imports, CrmDatabase crm,
                             Clock clock, FeedMetrics feedMetrics) {
        this.feedMetrics = feedMetrics;
        this.settings = settings;
        this.client = client;
        this.cursors = new SyncCursors(crm, "account_sync_cursor", clock);
        feedMetrics.watch(FEED, cursors);
        this.imports = imports;
        this.crm = crm;
        this.clock = clock;
        this.parser = new CompanyPageParser(settings.properties());
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (settings.baseUrl().isBlank()) {
            throw new IllegalStateException("escalation.sync.crm.base-url is not set");
        }
        if (execution.getVariable(RUN_STARTED_AT) == null) {
            execution.setVariable(RUN_STARTED_AT, clock.millis());
        }
        String after = (String) execution.getVariable(CURSOR);
        // the last complete run's start, less a margin for the search index's lag
        Optional<String> modifiedSince = cursors.get(FEED)
                .map(started -> Long.toString(Long.parseLong(started) - settings.modifiedSinceMargin().toMillis()));
        String page = "page after=" + (after == null ? "(first)" : after) + modifiedSince.map(m -> " modified since " + m).orElse("");
        FeedResponse response = client.postJson(settings.baseUrl() + PATH, body(after, modifiedSince), settings.authorization());
        if (FeedProcesses.rateLimited(execution, response, "CRM", page)) {
            return;
        }
        Page parsed = parser.parse(response.body(), page);
        if (!parsed.withoutAccountId().isEmpty()) {
            log.warn("CRM sync {}: companies without {} not stored: {}", page, settings.properties().accountId(),
                    parsed.withoutAccountId());
        }
        boolean last = parsed.after() == null;
        crm.transactions().executeWithoutResult(tx -> {
            imports.upsertAccounts(parsed.rows().iterator());
            if (last) {
                cursors.save(FEED, execution.getVariable(RUN_STARTED_AT).toString());
            }
        });
        feedMetrics.pageStored(FEED);
        FeedProcesses.add(execution, PAGES_FETCHED, 1);
        FeedProcesses.add(execution, COMPANIES_UPSERTED, parsed.rows().size());
        FeedProcesses.add(execution, COMPANIES_WITHOUT_ACCOUNT_ID, parsed.withoutAccountId().size());
        execution.setVariable(END_OF_STREAM, last);
        execution.setVariable(CURSOR, parsed.after());
    }

    private String body(String after, Optional<String> modifiedSince) {
        ObjectNode body = JSON.createObjectNode();
        body.put("limit", settings.pageSize());
        if (after != null) {
            body.put("after", after);
        }
        ArrayNode properties = body.putArray("properties");
        CrmFeedProperties.Properties p = settings.properties();
        for (String name : new String[] {p.accountId(), p.name(), p.segment(), p.tier(), p.region(), p.industry(), p.arr()}) {
            properties.add(name);
        }
        body.putArray("sorts").addObject().put("propertyName", "hs_object_id").put("direction", "ASCENDING");
        modifiedSince.ifPresent(since -> body.putArray("filterGroups").addObject().putArray("filters").addObject()
                .put("propertyName", "hs_lastmodifieddate").put("operator", "GTE").put("value", since));
        return body.toString();
    }
}

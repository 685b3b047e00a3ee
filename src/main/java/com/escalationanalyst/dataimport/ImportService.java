package com.escalationanalyst.dataimport;

import com.escalationanalyst.crm.AccountCsvFormat;
import com.escalationanalyst.crm.AccountRow;
import com.escalationanalyst.crm.AccountTable;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.helpdesk.TicketLoads;
import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.helpdesk.TicketTable;
import com.escalationanalyst.helpdesk.TicketsChanged;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Imports tickets into the helpdesk store and accounts into the CRM store. */
@Service
public class ImportService {

    private static final TicketCsvFormat TICKET_CSV = new TicketCsvFormat();
    private static final TicketTable TICKETS = new TicketTable();
    private static final AccountCsvFormat ACCOUNT_CSV = new AccountCsvFormat();
    private static final AccountTable ACCOUNTS = new AccountTable();

    private final StagedImporter importer;
    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;
    private final ApplicationEventPublisher events;
    private final TicketLoads loads;
    private final ImportMetrics metrics;

    public ImportService(StagedImporter importer, HelpdeskDatabase helpdesk, CrmDatabase crm, ApplicationEventPublisher events,
                         TicketLoads loads, ImportMetrics metrics) {
        this.importer = importer;
        this.metrics = metrics;
        this.loads = loads;
        this.helpdesk = helpdesk;
        this.crm = crm;
        this.events = events;
    }

    public ImportResult importTickets(InputStream csv) {
        return metrics.counted("tickets", () -> recorded(TicketLoads.IMPORT,
                changed(importer.importCsv(csv, TICKET_CSV, TICKETS, helpdesk), Set.of())));
    }

    public ImportResult importAccounts(InputStream csv) {
        return metrics.counted("accounts", () -> importer.importCsv(csv, ACCOUNT_CSV, ACCOUNTS, crm));
    }

    /** Upserts generated rows (demo data), streamed; listeners learn that any ticket may have changed. */
    public ImportResult upsertTickets(Iterator<TicketRow> rows) {
        return recorded(TicketLoads.DEMO, changed(importer.upsert(rows, TICKETS, helpdesk), Set.of()));
    }

    /** Upserts a page of rows (a sync); listeners learn which tickets it held. */
    public ImportResult upsertTickets(List<TicketRow> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.ticketId()));
        return changed(importer.upsert(rows.iterator(), TICKETS, helpdesk), ids);
    }

    /**
     * Tells listeners (the embeddings of new texts) once tickets changed; inside a sync's transaction, after it.
     * {@code ids} empty: any ticket.
     */
    private ImportResult changed(ImportResult result, Set<String> ids) {
        if (result.inserted() + result.updated() > 0) {
            events.publishEvent(new TicketsChanged(result.inserted(), result.updated(), ids));
        }
        return result;
    }

    /** Notes a committed ticket load for the report's freshness check (syncs are in the engine's history). */
    private ImportResult recorded(String kind, ImportResult result) {
        loads.record(kind, result.inserted(), result.updated());
        return result;
    }

    public ImportResult upsertAccounts(Iterator<AccountRow> rows) {
        return importer.upsert(rows, ACCOUNTS, crm);
    }
}

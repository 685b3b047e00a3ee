package com.escalationanalyst.dataimport;

import com.escalationanalyst.csv.ImportError;
import com.escalationanalyst.csv.IsoInstants;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.InstantRange;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

/**
 * Imports tickets' status changes ({@code ticket_id, changed_at, status}, one row per change) for the SLA clock's
 * pending pauses, the import twin of the helpdesk event export's status changes. All or nothing: rows are written in
 * batches inside one transaction until the first bad row; from then on the file is only checked, every error listed
 * (up to {@code escalation.import.max-errors}) and the transaction rolled back. A change already stored is kept once;
 * the ticket need not be imported yet.
 */
@Component
public class StatusChangeImport {

    public static final List<String> COLUMNS = List.of("ticket_id", "changed_at", "status");
    static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");
    private static final int BATCH = 1000;

    private final StagedImporter importer;
    private final HelpdeskDatabase helpdesk;
    private final InstantRange instants;
    private final ImportMetrics metrics;

    StatusChangeImport(StagedImporter importer, HelpdeskDatabase helpdesk, InstantRange instants, ImportMetrics metrics) {
        this.importer = importer;
        this.metrics = metrics;
        this.helpdesk = helpdesk;
        this.instants = instants;
    }

    public ImportResult importCsv(InputStream input) {
        return metrics.counted("status-changes", () -> importAll(input));
    }

    private ImportResult importAll(InputStream input) {
        String upsert = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "INSERT INTO ticket_status_change (ticket_id, changed_at, status) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO ticket_status_change (ticket_id, changed_at, status) KEY (ticket_id, changed_at, status) VALUES (?, ?, ?)";
        return helpdesk.transactions().execute(tx -> {
            // one import into the helpdesk store at a time (as the ticket import's merge): the count before and
            // after is this file's alone, and a waiting import answers 409 after escalation.import.lock-timeout
            ImportLock.acquire(helpdesk, importer.lockTimeoutMillis());
            long before = count();
            List<ImportError> errors = new ArrayList<>();
            List<Object[]> batch = new ArrayList<>();
            long[] rows = new long[1];
            try {
                importer.read(input, csv -> {
                    List<String> header = csv.next();
                    if (header == null || !new java.util.HashSet<>(header).equals(Set.copyOf(COLUMNS)) || header.size() != 3) {
                        errors.add(new ImportError(1, null, "the header must name the columns " + String.join(", ", COLUMNS)
                                + " (in any order), found " + header));
                        return;
                    }
                    int id = header.indexOf("ticket_id");
                    int at = header.indexOf("changed_at");
                    int status = header.indexOf("status");
                    for (List<String> record = csv.next(); record != null; record = csv.next()) {
                        long line = csv.recordLine();
                        rows[0]++;
                        Object[] row = row(record, line, id, at, status, errors);
                        if (row != null && errors.isEmpty()) {
                            batch.add(row);
                            if (batch.size() == BATCH) {
                                helpdesk.jdbc().batchUpdate(upsert, batch);
                                batch.clear();
                            }
                        }
                        if (errors.size() > importer.maxErrors()) {
                            return;
                        }
                    }
                }, errors);
            } catch (SQLException e) {
                throw new UncategorizedSQLException("importing status changes", null, e);
            }
            if (!errors.isEmpty()) {
                tx.setRollbackOnly();
                throw new ImportRejectedException(errors.subList(0, Math.min(errors.size(), importer.maxErrors())),
                        errors.size() > importer.maxErrors());
            }
            if (!batch.isEmpty()) {
                helpdesk.jdbc().batchUpdate(upsert, batch);
            }
            long inserted = count() - before;
            return new ImportResult(inserted, 0);
        });
    }

    private Object[] row(List<String> record, long line, int id, int at, int status, List<ImportError> errors) {
        if (record.size() != 3) {
            errors.add(new ImportError(line, null, "has " + record.size() + " fields, the header 3"));
            return null;
        }
        int before = errors.size();
        String ticket = record.get(id).trim();
        if (ticket.isEmpty() || ticket.length() > 64) {
            errors.add(new ImportError(line, "ticket_id", ticket.isEmpty() ? "is empty" : "is longer than 64 characters"));
        }
        OffsetDateTime changedAt = null;
        try {
            changedAt = IsoInstants.parseUtc(record.get(at).trim(), instants);
        } catch (DateTimeException e) {
            errors.add(new ImportError(line, "changed_at", "'" + record.get(at) + "' is not an ISO-8601 instant with an "
                    + "offset (2026-10-01T09:30:00Z)" + (e instanceof IsoInstants.OutOfRangeException ? " in range: "
                    + e.getMessage() : "")));
        }
        String value = record.get(status).trim();
        if (!STATUSES.contains(value)) {
            errors.add(new ImportError(line, "status", "'" + value + "' is not one of " + new java.util.TreeSet<>(STATUSES)));
        }
        return errors.size() > before ? null : new Object[] {ticket, changedAt, value};
    }

    private long count() {
        return helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM ticket_status_change", Long.class);
    }
}

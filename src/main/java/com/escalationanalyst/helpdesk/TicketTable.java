package com.escalationanalyst.helpdesk;

import static com.escalationanalyst.store.MergeSql.changed;
import static com.escalationanalyst.store.MergeSql.insertNew;
import static com.escalationanalyst.store.MergeSql.updateChanged;

import com.escalationanalyst.store.StagedTable;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tickets and resolutions, loaded through {@code ticket_import_staging}. */
public final class TicketTable implements StagedTable<TicketRow> {

    /** The staging table has the CSV's columns, in the same order. */
    private static final List<String> COLUMNS = TicketCsvFormat.COLUMNS;

    private static final int[] TYPES = {
            Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};

    /** Ticket columns that an import may change (all but the id). */
    private static final List<String> TICKET_DATA = COLUMNS.subList(1, 14);
    private static final List<String> RESOLUTION_DATA = List.of("resolution_type", "resolved_at", "resolution_notes");

    @Override
    public String rowName() {
        return "tickets";
    }

    @Override
    public String stagingTable() {
        return "ticket_import_staging";
    }

    @Override
    public List<String> stagingColumns() {
        return COLUMNS;
    }

    @Override
    public int[] stagingTypes() {
        return TYPES;
    }

    @Override
    public List<String> storeTables() {
        return List.of("ticket", "resolution");
    }

    @Override
    public String idColumn() {
        return "ticket_id";
    }

    @Override
    public Object[] values(TicketRow t) {
        return new Object[] {
                t.ticketId(), t.createdAt(), t.status(), t.priority(), t.channel(), t.productArea(), t.accountId(),
                t.subject(), t.escalated(), t.escalatedAt(), t.escalationReasonCode(), t.assigneeGroup(),
                t.firstResponseAt(), t.handleTimeMinutes(), t.resolutionType(), t.resolvedAt(), t.resolutionNotes()};
    }

    @Override
    public long countChanged(JdbcTemplate jdbc, String importId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM ticket_import_staging s
                JOIN ticket t ON t.ticket_id = s.ticket_id
                LEFT JOIN resolution r ON r.ticket_id = s.ticket_id
                WHERE s.import_id = ?
                  AND (%s OR %s)
                """.formatted(changed("t", TICKET_DATA), changed("r", RESOLUTION_DATA)), Long.class, importId);
    }

    @Override
    public void merge(JdbcTemplate jdbc, String importId, boolean anyExisting, boolean anyChanged) {
        if (anyChanged) {
            jdbc.update(updateChanged("ticket", stagingTable(), "ticket_id", TICKET_DATA, ""), importId);
            // a re-imported ticket without resolution columns is no longer resolved
            jdbc.update("""
                    DELETE FROM resolution
                    WHERE ticket_id IN (SELECT ticket_id FROM ticket_import_staging
                                        WHERE import_id = ? AND resolution_type IS NULL)
                    """, importId);
            jdbc.update(updateChanged("resolution", stagingTable(), "ticket_id", RESOLUTION_DATA,
                    "resolution_type IS NOT NULL"), importId);
        }
        // a resolution belongs to a stored ticket (foreign key): no staged ticket stored, no staged resolution stored
        jdbc.update(insertNew("ticket", stagingTable(), "ticket_id", TICKET_DATA, "", anyExisting), importId);
        jdbc.update(insertNew("resolution", stagingTable(), "ticket_id", RESOLUTION_DATA, "s.resolution_type IS NOT NULL",
                anyExisting), importId);
    }
}

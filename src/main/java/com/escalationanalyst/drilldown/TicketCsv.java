package com.escalationanalyst.drilldown;

import java.io.IOException;
import java.io.Writer;

/**
 * Drill-down rows as CSV (RFC 4180, every field quoted). A cell that a spreadsheet would read as a formula —
 * starting with =, +, -, @, a tab or a carriage return — gets a leading apostrophe, so that opening the file runs
 * nothing a ticket's requester wrote.
 */
final class TicketCsv {

    static final String HEADER = "ticket_id,created_at,status,priority,channel,product_area,account_id,team,subject,"
            + "escalated,escalated_at,escalation_reason_code,root_cause,resolution_type,resolved_at,resolution_notes";

    private TicketCsv() {
    }

    static void write(Writer out, TicketLine t) throws IOException {
        Object[] cells = {t.ticketId(), t.createdAt(), t.status(), t.priority(), t.channel(), t.productArea(),
                t.accountId(), t.team(), t.subject(), t.escalated(), t.escalatedAt(), t.reasonCode(), t.rootCause(),
                t.resolutionType(), t.resolvedAt(), t.resolutionNotes()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

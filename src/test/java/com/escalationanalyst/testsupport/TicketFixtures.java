package com.escalationanalyst.testsupport;

import com.escalationanalyst.helpdesk.TicketCsvFormat;

/** Ticket files shared by tests. */
public final class TicketFixtures {

    private TicketFixtures() {
    }

    /** 30 tickets over three months, written the way exports look: offsets, quotes, line breaks, Unicode. */
    public static Csv threeMonths() {
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        String[] months = {"2026-08", "2026-09", "2026-10"};
        int n = 0;
        for (int m = 0; m < months.length; m++) {
            for (int i = 0; i < 5 + 5 * m; i++) { // 5, 10 and 15 tickets
                n++;
                boolean escalated = n % 3 == 0;
                boolean resolved = n % 2 == 0;
                String day = String.format("%02d", 1 + (i * 2) % 28);
                csv.row(
                        "ticket_id", "T-" + n,
                        "created_at", months[m] + "-" + day + "T09:15:00Z",
                        "status", resolved ? "closed" : "open",
                        "priority", new String[] {"low", "normal", "high", "urgent"}[n % 4],
                        "channel", "email",
                        "product_area", n % 2 == 0 ? "Notifications" : "Billing",
                        "account_id", "ACC-" + (n % 4),
                        "subject", "Subject, with comma #" + n,
                        "escalated", escalated ? "true" : "false",
                        "escalated_at", escalated ? months[m] + "-" + day + "T07:45:00-04:00" : "",
                        "escalation_reason_code", escalated ? "BUG-CONFIRMED" : "",
                        "assignee_group", "platform",
                        "first_response_at", months[m] + "-" + day + "T09:30:00Z",
                        "handle_time_minutes", Integer.toString(10 + n),
                        "resolution_type", resolved ? "fixed" : "",
                        "resolved_at", resolved ? months[m] + "-" + day + "T17:00:00+02:00" : "",
                        "resolution_notes", resolved ? "Customer said \"it works\".\nSecond line: Zoë ✓" : "");
            }
        }
        return csv;
    }
}

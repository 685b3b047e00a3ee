package com.escalationanalyst.report;

import java.util.List;

/**
 * Everything the monthly report shows, already formatted (two decimals, signs, labels), so the
 * HTML template and the plain-text part say the same and the template holds no arithmetic.
 * Empty strings and lists are left out of the report.
 */
public record MonthlyReportView(
        String monthLabel,
        String previousMonthLabel,
        String zone,
        String rate,
        String previousRate,
        /** "up 1.10 pts, significant (p = 0.0031)", "+0.12 pts, not a significant change (p = 0.4100)", ... */
        String change,
        long escalations,
        long previousEscalations,
        String escalationsChange,
        /** "Forecast for November 2026: 7.90% (likely between 6.80% and 9.00%)", or empty. */
        String forecast,
        List<RootCauseLine> rootCauses,
        /** Candidate new known issues: "Billing: invoice pdf, duplicate charge (14 tickets)". */
        List<String> candidates,
        String currency,
        String agentCostPerHour,
        String totalCost,
        List<CostLine> costs,
        /** The three fixes that would save most, as sentences. */
        List<String> savings,
        String unmappedReasonCodes,
        /** After the three sections: the month's SLA attainment and its change; empty without SLA policies. */
        String sla,
        /** Footer: how recent and complete the month's data is. */
        String freshness,
        /** Why the data looked incomplete when the report was built, or empty. */
        String freshnessWarning) {

    /** {@code trend}: "increasing", "decreasing" or "" (stable: not a significant and material change). */
    public record RootCauseLine(String rootCause, long thisMonth, long previousMonth, String change,
                                String movingAverage3, String trend, String topProductArea, String topTeam,
                                List<IssueLine> knownIssues, int moreIssues, String moreIssuesLink, String ticketsLink) {
    }

    /** A known issue of a root cause: id, title (shortened), matched escalations, its tickets on /tickets. */
    public record IssueLine(String id, String title, long tickets, String link) {
    }

    public record CostLine(String rootCause, long escalations, String avgHandleMinutes, String cost) {
    }
}

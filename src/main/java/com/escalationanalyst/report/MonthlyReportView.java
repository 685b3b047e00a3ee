package com.escalationanalyst.report;

import java.util.List;

/**
 * Everything the monthly report shows, already formatted (two decimals, signs, labels), so the
 * HTML template and the plain-text part say the same and the template holds no arithmetic.
 */
public record MonthlyReportView(
        String monthLabel,
        String previousMonthLabel,
        String zone,
        String rate,
        String previousRate,
        String changePts,
        String direction,
        long escalations,
        long previousEscalations,
        String escalationsChange,
        List<RootCauseLine> rootCauses,
        String currency,
        String agentCostPerHour,
        String totalCost,
        List<CostLine> costs,
        String unmappedReasonCodes) {

    public record RootCauseLine(String rootCause, long thisMonth, long previousMonth, String change,
                                String movingAverage3, boolean increasing, String topProductArea, String topTeam,
                                String knownIssues, String ticketsLink) {
    }

    public record CostLine(String rootCause, long escalations, String avgHandleMinutes, String cost) {
    }
}

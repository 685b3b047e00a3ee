package com.escalationanalyst.report;

import java.util.List;
import java.util.Map;

/**
 * One month's numbers as the report's scripts read them (JSON variable): tickets created in the
 * month (business zone), escalations per root cause with handle, resolution and escalation times.
 */
public record MonthFigures(String month, String from, String to, long totalTickets, long escalatedTickets,
                           Map<String, RootCauseFigures> byRootCause, List<String> unmappedReasonCodes) {

    /**
     * Sums, not means, so that months and causes add up; {@code topProductArea} is the most common
     * product area of the cause's escalations and {@code topTeam} the assignee group that handled most of them
     * (ties: alphabetically first; none: null).
     */
    public record RootCauseFigures(long escalations, long handleMinutesSum, long handleMinutesCount, long resolved,
                                   double resolutionHoursSum, long timedEscalations, double minutesToEscalationSum,
                                   String topProductArea, String topTeam) {
    }
}

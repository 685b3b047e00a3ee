package com.escalationanalyst.report;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.store.InstantRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * What a report run was asked for, checked: a month that has ended (business zone; none = the previous
 * calendar month) and lies within the accepted instants, a positive agent cost per hour (none = the
 * configured default), send and force. A bad value fails with {@link AnalysisRequestException} naming
 * the field.
 */
public record ReportRequest(YearMonth month, BigDecimal agentCostPerHour, boolean send, boolean force) {

    static final BigDecimal MAX_COST_PER_HOUR = new BigDecimal("100000");

    public static ReportRequest of(Object month, Object agentCostPerHour, Object send, Object force,
                                   ReportSettings settings, Clock clock, InstantRange instants) {
        ZonedDateTime now = clock.instant().atZone(settings.zone());
        YearMonth current = YearMonth.from(now);
        YearMonth reportMonth;
        if (month == null || month.toString().isBlank()) {
            reportMonth = current.minusMonths(1);
        } else {
            try {
                reportMonth = YearMonth.parse(month.toString().trim());
            } catch (DateTimeParseException e) {
                throw new AnalysisRequestException(ReportVariables.MONTH, "'" + month + "' is not a month; write YYYY-MM, e.g. "
                        + current.minusMonths(1));
            }
            if (!reportMonth.isBefore(current)) {
                throw new AnalysisRequestException(ReportVariables.MONTH, reportMonth + " has not ended yet in "
                        + settings.zone() + "; the latest complete month is " + current.minusMonths(1));
            }
        }
        // ended, so the month after it exists; its queries fail differently per database past the range
        ZonedDateTime start = reportMonth.atDay(1).atStartOfDay(settings.zone());
        ZonedDateTime end = reportMonth.plusMonths(1).atDay(1).atStartOfDay(settings.zone());
        if (start.toInstant().isBefore(instants.min()) || end.toInstant().isAfter(instants.max())) {
            throw new AnalysisRequestException(ReportVariables.MONTH, reportMonth + " in " + settings.zone() + " ("
                    + start.toOffsetDateTime() + " to " + end.toOffsetDateTime() + ") is outside the accepted instants ("
                    + instants.describe() + ")");
        }
        return new ReportRequest(reportMonth, cost(agentCostPerHour, settings), flag(ReportVariables.SEND, send, true),
                flag(ReportVariables.FORCE, force, false));
    }

    private static BigDecimal cost(Object value, ReportSettings settings) {
        if (value == null || value.toString().isBlank()) {
            return settings.agentCostPerHour();
        }
        BigDecimal cost;
        try {
            cost = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new AnalysisRequestException(ReportVariables.AGENT_COST_PER_HOUR, "'" + value + "' is not a number");
        }
        if (cost.signum() <= 0 || cost.compareTo(MAX_COST_PER_HOUR) >= 0) {
            throw new AnalysisRequestException(ReportVariables.AGENT_COST_PER_HOUR,
                    "must be above 0 and below " + MAX_COST_PER_HOUR + ", is " + cost.toPlainString());
        }
        return cost;
    }

    private static boolean flag(String field, Object value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new AnalysisRequestException(field, "must be true or false, is '" + value + "'");
    }
}

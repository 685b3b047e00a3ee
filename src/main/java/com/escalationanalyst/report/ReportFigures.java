package com.escalationanalyst.report;

import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.report.MonthFigures.RootCauseFigures;
import com.escalationanalyst.report.ReportQueries.EscalationCell;
import com.escalationanalyst.report.ReportQueries.TeamCell;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** A month's figures: SQL aggregates per reason code, mapped to root causes with the run's reason-code map. */
@Component
class ReportFigures {

    private final ReportQueries queries;
    private final PeriodResolver periods;

    ReportFigures(ReportQueries queries, PeriodResolver periods) {
        this.queries = queries;
        this.periods = periods;
    }

    MonthFigures of(YearMonth month, KnowledgeSnapshot knowledge) {
        Period period = periods.month(month);
        long total = queries.countTickets(period);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> times = new HashMap<>();
        Map<String, Map<String, Long>> areas = new HashMap<>();
        TreeSet<String> unmapped = new TreeSet<>();
        long escalated = 0;
        for (EscalationCell cell : queries.escalationCells(period)) {
            String cause = knowledge.reasonCodes().rootCauseOf(cell.reasonCode()).code();
            if (cell.reasonCode() != null && !knowledge.reasonCodes().codes().containsKey(cell.reasonCode())) {
                unmapped.add(cell.reasonCode());
            }
            long[] c = counts.computeIfAbsent(cause, k -> new long[5]);
            c[0] += cell.escalations();
            c[1] += cell.handleMinutesSum();
            c[2] += cell.handleMinutesCount();
            c[3] += cell.resolved();
            c[4] += cell.timed();
            double[] t = times.computeIfAbsent(cause, k -> new double[2]);
            t[0] += cell.resolutionMillis() / 3_600_000.0;
            t[1] += cell.escalationMillis() / 60_000.0;
            if (cell.productArea() != null) {
                areas.computeIfAbsent(cause, k -> new TreeMap<>()).merge(cell.productArea(), cell.escalations(), Long::sum);
            }
            escalated += cell.escalations();
        }
        Map<String, Map<String, Long>> teams = new HashMap<>();
        for (TeamCell cell : queries.teamCells(period)) {
            String cause = knowledge.reasonCodes().rootCauseOf(cell.reasonCode()).code();
            teams.computeIfAbsent(cause, k -> new TreeMap<>()).merge(cell.team(), cell.escalations(), Long::sum);
        }
        Map<String, RootCauseFigures> byRootCause = new TreeMap<>();
        counts.forEach((cause, c) -> {
            double[] t = times.get(cause);
            byRootCause.put(cause, new RootCauseFigures(c[0], c[1], c[2], c[3], t[0], c[4], t[1],
                    mode(areas.getOrDefault(cause, Map.of())), mode(teams.getOrDefault(cause, Map.of()))));
        });
        return new MonthFigures(month.toString(), period.from().toOffsetDateTime().toString(),
                period.to().toOffsetDateTime().toString(), total, escalated, byRootCause, unmapped.stream().toList());
    }

    /** The most common key; ties go to the alphabetically first (the map is sorted). */
    private static String mode(Map<String, Long> counts) {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}

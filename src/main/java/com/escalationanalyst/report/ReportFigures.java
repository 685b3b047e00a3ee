package com.escalationanalyst.report;

import com.escalationanalyst.analysis.EscalationCube;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.report.MonthFigures.RootCauseFigures;
import com.escalationanalyst.report.ReportQueries.EscalationCell;
import com.escalationanalyst.report.ReportQueries.TeamCell;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A month's figures: SQL aggregates per reason code, mapped to root causes with the run's reason-code map by the
 * escalation cube the patterns analysis builds too.
 */
@Component
class ReportFigures {

    private final ReportQueries queries;
    private final HelpdeskDatabase helpdesk;
    private final PeriodResolver periods;

    ReportFigures(ReportQueries queries, HelpdeskDatabase helpdesk, PeriodResolver periods) {
        this.queries = queries;
        this.helpdesk = helpdesk;
        this.periods = periods;
    }

    MonthFigures of(YearMonth month, KnowledgeSnapshot knowledge) {
        Period period = periods.month(month);
        long total = helpdesk.ticketsCreated(period);
        EscalationCube cube = new EscalationCube(knowledge.reasonCodes());
        for (EscalationCell cell : queries.escalationCells(period)) {
            cube.add(cell.reasonCode(), cell.productArea(), cell.escalations(), cell.resolved(), cell.resolutionMillis(),
                    cell.handleMinutesSum(), cell.handleMinutesCount(), cell.timed(), cell.escalationMillis());
        }
        for (TeamCell cell : queries.teamCells(period)) {
            cube.addTeam(cell.reasonCode(), cell.team(), cell.escalations());
        }
        Map<String, RootCauseFigures> byRootCause = new TreeMap<>();
        cube.byRootCause().forEach((cause, t) -> byRootCause.put(cause, new RootCauseFigures(t.escalations(),
                t.handleMinutes(), t.handleTimed(), t.resolved(), t.resolutionMillis() / 3_600_000.0,
                t.escalationTimed(), t.escalationMillis() / 60_000.0, t.topProductArea(), t.topTeam())));
        long escalated = cube.escalated();
        return new MonthFigures(month.toString(), period.from().toOffsetDateTime().toString(),
                period.to().toOffsetDateTime().toString(), total, escalated, byRootCause, cube.unmappedReasonCodes());
    }
}

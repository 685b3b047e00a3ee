package com.escalationanalyst.report;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.sla.SlaAttainment;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Pull the month before": the month before the report month (with its SLA attainment), and the six months before
 * that (oldest first) that the six-month chart's moving averages need.
 */
@Component("pullMonthBeforeDelegate")
class PullMonthBeforeDelegate implements JavaDelegate {

    static final int TRAILING_MONTHS = 6;

    private final ReportFigures figures;
    private final KnowledgeService knowledge;
    private final SlaAttainment sla;
    private final PeriodResolver periods;

    PullMonthBeforeDelegate(ReportFigures figures, KnowledgeService knowledge, SlaAttainment sla, PeriodResolver periods) {
        this.sla = sla;
        this.periods = periods;
        this.figures = figures;
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = ReportVariables.reportMonth(execution);
        KnowledgeSnapshot snapshot = knowledge.snapshot(ReportVariables.knowledgeGeneration(execution));
        List<MonthFigures> trailing = new ArrayList<>();
        for (int back = TRAILING_MONTHS + 1; back >= 2; back--) {
            trailing.add(figures.of(month.minusMonths(back), snapshot));
        }
        execution.setVariable(ReportVariables.PREVIOUS_MONTH_FIGURES,
                JsonVariables.json(figures.of(month.minusMonths(1), snapshot)));
        execution.setVariable(ReportVariables.TRAILING_MONTH_FIGURES, JsonVariables.json(trailing));
        execution.setVariable(ReportVariables.SLA_MONTH_BEFORE, JsonVariables.json(snapshot.slaPolicies()
                .map(policies -> sla.summary(periods.month(month.minusMonths(1)), policies)).orElse(null)));
    }
}

package com.escalationanalyst.report;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.sla.SlaAttainment;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Pull the report month's escalations": the report month's figures and its SLA attainment. */
@Component("pullReportMonthDelegate")
class PullReportMonthDelegate implements JavaDelegate {

    private final ReportFigures figures;
    private final KnowledgeService knowledge;
    private final SlaAttainment sla;
    private final PeriodResolver periods;

    PullReportMonthDelegate(ReportFigures figures, KnowledgeService knowledge, SlaAttainment sla, PeriodResolver periods) {
        this.sla = sla;
        this.periods = periods;
        this.figures = figures;
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = ReportVariables.reportMonth(execution);
        KnowledgeSnapshot snapshot = knowledge.snapshot(ReportVariables.knowledgeGeneration(execution));
        execution.setVariable(ReportVariables.REPORT_MONTH_FIGURES, JsonVariables.json(figures.of(month, snapshot)));
        execution.setVariable(ReportVariables.SLA_REPORT_MONTH, JsonVariables.json(snapshot.slaPolicies()
                .map(policies -> sla.summary(periods.month(month), policies)).orElse(null)));
    }
}

package com.escalationanalyst.report;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.process.JsonVariables;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Pull previous month's escalations": the report month's figures. */
@Component("pullReportMonthDelegate")
class PullReportMonthDelegate implements JavaDelegate {

    private final ReportFigures figures;
    private final KnowledgeService knowledge;

    PullReportMonthDelegate(ReportFigures figures, KnowledgeService knowledge) {
        this.figures = figures;
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearMonth month = ReportVariables.reportMonth(execution);
        execution.setVariable(ReportVariables.REPORT_MONTH_FIGURES, JsonVariables.json(figures.of(month,
                knowledge.snapshot(ReportVariables.knowledgeGeneration(execution)))));
    }
}

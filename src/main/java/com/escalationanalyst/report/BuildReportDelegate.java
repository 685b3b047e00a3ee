package com.escalationanalyst.report;

import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.report.ReportBuilder.BuiltReport;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Build report": subject, HTML, plain text and chart from the trend, cost and known-issue results.
 * HTML, text and chart are transient variables (stored by the next step in the same transaction), so
 * the history keeps one copy of a report: the archive's.
 */
@Component("buildReportDelegate")
class BuildReportDelegate implements JavaDelegate {

    private final ReportBuilder builder;

    BuildReportDelegate(ReportBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // named here, before it is stored, so that the report can link to its own pages
        String reportId = UUID.randomUUID().toString();
        BuiltReport report = builder.build(new ReportBuilder.Inputs(JsonVariables.read(execution, ReportVariables.TREND),
                JsonVariables.read(execution, ReportVariables.COST_IMPACT),
                JsonVariables.read(execution, ReportVariables.KNOWN_ISSUES),
                JsonVariables.read(execution, ReportVariables.CANDIDATE_ISSUES),
                JsonVariables.read(execution, ReportVariables.REPORT_MONTH_FIGURES),
                JsonVariables.read(execution, ReportVariables.FRESHNESS),
                JsonVariables.read(execution, ReportVariables.SLA_REPORT_MONTH),
                JsonVariables.read(execution, ReportVariables.SLA_MONTH_BEFORE),
                (String) execution.getVariable(ReportVariables.TIME_ZONE), reportId));
        execution.setVariable(ReportVariables.REPORT_ID, reportId);
        execution.setVariable(ReportVariables.SUBJECT, report.subject());
        execution.setVariable(ReportVariables.HTML, Variables.stringValue(report.html(), true));
        execution.setVariable(ReportVariables.TEXT, Variables.stringValue(report.text(), true));
        execution.setVariable(ReportVariables.CHART, Variables.byteArrayValue(report.chartPng(), true));
    }
}

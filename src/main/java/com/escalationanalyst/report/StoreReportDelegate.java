package com.escalationanalyst.report;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Store report": the report as built, its recipients as "Resolve report month" resolved them (and the configured
 * ones that are not e-mail addresses, as refused) and every number behind it (the query and script results) go to the archive; {@code reportId}
 * names it for the send step and the API.
 */
@Component("storeReportDelegate")
class StoreReportDelegate implements JavaDelegate {

    private static final String[] NUMBERS = {ReportVariables.TREND, ReportVariables.COST_IMPACT,
            ReportVariables.KNOWN_ISSUES, ReportVariables.CANDIDATE_ISSUES, ReportVariables.FRESHNESS,
            ReportVariables.SLA_REPORT_MONTH, ReportVariables.SLA_MONTH_BEFORE,
            ReportVariables.REPORT_MONTH_FIGURES, ReportVariables.PREVIOUS_MONTH_FIGURES,
            ReportVariables.TRAILING_MONTH_FIGURES};

    private final ReportArchive archive;
    private final ReportRecipients recipients;
    private final Clock clock;

    StoreReportDelegate(ReportArchive archive, ReportRecipients recipients, Clock clock) {
        this.archive = archive;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ObjectNode numbers = JsonVariables.mapper().createObjectNode();
        for (String name : NUMBERS) {
            numbers.set(name, JsonVariables.read(execution, name));
        }
        numbers.put(ReportVariables.AGENT_COST_PER_HOUR, (Double) execution.getVariable(ReportVariables.AGENT_COST_PER_HOUR));
        boolean send = (Boolean) execution.getVariable(ReportVariables.SEND);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // a run that was held across an upgrade from a version that resolved recipients here has no such variable
        ReportRecipients.Resolved to = execution.hasVariable(ReportVariables.RECIPIENTS)
                ? ReportRecipients.Resolved.of(JsonVariables.read(execution, ReportVariables.RECIPIENTS))
                : send ? recipients.resolve() : new ReportRecipients.Resolved(List.of(), List.of());
        String reportId = (String) execution.getVariable(ReportVariables.REPORT_ID);
        archive.insert(new StoredReport(reportId, (String) execution.getVariable(ReportVariables.REPORT_MONTH),
                (String) execution.getVariable(ReportVariables.TIME_ZONE),
                (String) execution.getVariable(ReportVariables.TRIGGER),
                (String) execution.getVariable(ReportVariables.SUBJECT),
                (String) execution.getVariable(ReportVariables.HTML),
                (String) execution.getVariable(ReportVariables.TEXT),
                (byte[]) execution.getVariable(ReportVariables.CHART), to.recipients(),
                to.refused().stream().map(r -> new StoredReport.Refusal(r.address(), r.reason(),
                        StoredReport.REFUSED_BY_CONFIGURATION, now)).toList(),
                numbers.toString(), execution.getProcessInstanceId(), now, send, null));
        execution.setVariable(ReportVariables.REPORT_LINK, "/reports/" + reportId);
    }
}

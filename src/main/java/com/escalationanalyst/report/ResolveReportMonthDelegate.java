package com.escalationanalyst.report;

import static com.escalationanalyst.report.ReportVariables.AGENT_COST_PER_HOUR;
import static com.escalationanalyst.report.ReportVariables.FORCE;
import static com.escalationanalyst.report.ReportVariables.MONTH;
import static com.escalationanalyst.report.ReportVariables.SEND;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.store.InstantRange;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Resolve report month": the month (none given: the previous calendar month in the business zone),
 * agent cost per hour, send and force, checked; whether that month's report was already sent; and the
 * knowledge generation the whole run reads.
 */
@Component("resolveReportMonthDelegate")
class ResolveReportMonthDelegate implements JavaDelegate {

    private final ReportSettings settings;
    private final Clock clock;
    private final ReportArchive archive;
    private final ReportRecipients recipients;
    private final KnowledgeService knowledge;
    private final InstantRange instants;
    private final TrendRules trendRules;

    ResolveReportMonthDelegate(ReportSettings settings, Clock clock, ReportArchive archive, ReportRecipients recipients,
                               KnowledgeService knowledge, InstantRange instants, TrendRules trendRules) {
        this.trendRules = trendRules;
        this.settings = settings;
        this.clock = clock;
        this.archive = archive;
        this.recipients = recipients;
        this.knowledge = knowledge;
        this.instants = instants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportRequest request = ReportRequest.of(execution.getVariable(MONTH), execution.getVariable(AGENT_COST_PER_HOUR),
                execution.getVariable(SEND), execution.getVariable(FORCE), settings, clock, instants);
        if (request.send() && recipients.resolve().recipients().isEmpty()) {
            throw new IllegalStateException("The monthly report has no recipients: set " + recipients.describe());
        }
        execution.setVariable(ReportVariables.REPORT_MONTH, request.month().toString());
        execution.setVariable(ReportVariables.TIME_ZONE, settings.zone().getId());
        execution.setVariable(AGENT_COST_PER_HOUR, request.agentCostPerHour().doubleValue());
        execution.setVariable(ReportVariables.CURRENCY, settings.currency());
        execution.setVariable(SEND, request.send());
        execution.setVariable(FORCE, request.force());
        if (execution.getVariable(ReportVariables.TRIGGER) == null) {
            execution.setVariable(ReportVariables.TRIGGER, ReportVariables.TRIGGER_FORM);
        }
        execution.setVariable(ReportVariables.ALREADY_SENT, archive.sentReportOf(request.month().toString()).isPresent());
        execution.setVariable(ReportVariables.KNOWLEDGE_GENERATION, knowledge.current().generation());
        execution.setVariable(ReportVariables.TREND_RULES, JsonVariables.json(trendRules));
    }
}

package com.escalationanalyst.report;

import static com.escalationanalyst.report.ReportVariables.AGENT_COST_PER_HOUR;
import static com.escalationanalyst.report.ReportVariables.FORCE;
import static com.escalationanalyst.report.ReportVariables.MONTH;
import static com.escalationanalyst.report.ReportVariables.SEND;

import com.escalationanalyst.api.InvalidFieldException;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.process.InputRefusedException;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.store.InstantRange;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Resolve report month", the one place a report run's inputs are checked, however it was started: the month (none
 * given: the previous calendar month in the business zone), agent cost per hour, send and force; whether that
 * month's report was already sent; the recipients, resolved once for the run (the archive keeps them with the
 * report); and the knowledge generation the whole run reads. A refused input stops the start: 400 naming the field
 * through {@code /api} and the engine REST API, a message at the form in Tasklist; a scheduled run fails its job (an
 * incident). Through {@code /api}, a month already sent is refused with 409 unless forced; otherwise the process
 * ends at "Not sent again". The send step checks "already sent" once more, for two runs that raced.
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
        if (execution.getVariable(ReportVariables.TRIGGER) == null) {
            execution.setVariable(ReportVariables.TRIGGER, ReportVariables.TRIGGER_FORM);
        }
        String trigger = (String) execution.getVariable(ReportVariables.TRIGGER);
        ReportRequest request;
        try {
            request = ReportRequest.of(execution.getVariable(MONTH), execution.getVariable(AGENT_COST_PER_HOUR),
                    execution.getVariable(SEND), execution.getVariable(FORCE), settings, clock, instants);
        } catch (InvalidFieldException e) {
            throw refused(execution, trigger, e.field(), e.reason());
        }
        String month = request.month().toString();
        Optional<StoredReport.Summary> sent = archive.sentReportOf(month);
        if (request.send() && !request.force() && sent.isPresent() && ReportVariables.TRIGGER_API.equals(trigger)) {
            throw new ReportAlreadySentException(month, sent.get().sentAt(), sent.get().reportId());
        }
        ReportRecipients.Resolved to = request.send() ? recipients.resolve()
                : new ReportRecipients.Resolved(List.of(), List.of());
        if (request.send() && to.recipients().isEmpty()) {
            throw refused(execution, trigger, SEND, "the report has no recipients: set " + recipients.describe());
        }
        execution.setVariable(ReportVariables.REPORT_MONTH, month);
        execution.setVariable(ReportVariables.TIME_ZONE, settings.zone().getId());
        execution.setVariable(AGENT_COST_PER_HOUR, request.agentCostPerHour().doubleValue());
        execution.setVariable(ReportVariables.CURRENCY, settings.currency());
        execution.setVariable(SEND, request.send());
        execution.setVariable(FORCE, request.force());
        execution.setVariable(ReportVariables.ALREADY_SENT, sent.isPresent());
        execution.setVariable(ReportVariables.READER_WAITING, ReportVariables.TRIGGER_FORM.equals(trigger));
        execution.setVariable(ReportVariables.RECIPIENTS, JsonVariables.json(to));
        execution.setVariable(ReportVariables.KNOWLEDGE_GENERATION, knowledge.current().generation());
        execution.setVariable(ReportVariables.TREND_RULES, JsonVariables.json(trendRules));
    }

    /** A person's request is refused before anything starts; a scheduled run's job fails and becomes an incident. */
    private static RuntimeException refused(DelegateExecution execution, String trigger, String field, String reason) {
        if (ReportVariables.TRIGGER_TIMER.equals(trigger)) {
            return new IllegalStateException("The scheduled monthly report cannot run: " + field + ": " + reason);
        }
        return InputRefusedException.refuse(execution, field, reason);
    }
}

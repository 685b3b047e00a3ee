package com.escalationanalyst.report;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Email report" (asynchronous, retried, then an incident). Checks again that no other report of the
 * month went out meanwhile (two runs started together), unless the run was forced.
 */
@Component("sendReportDelegate")
class SendReportDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendReportDelegate.class);

    private final ReportMailer mailer;
    private final ReportArchive archive;
    private final MeterRegistry meters;

    SendReportDelegate(ReportMailer mailer, ReportArchive archive, MeterRegistry meters) {
        this.meters = meters;
        meters.counter("escalation.report.sends");
        meters.counter("escalation.report.recipients", "outcome", "delivered");
        meters.counter("escalation.report.recipients", "outcome", "refused");
        this.mailer = mailer;
        this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reportId = (String) execution.getVariable(ReportVariables.REPORT_ID);
        String month = (String) execution.getVariable(ReportVariables.REPORT_MONTH);
        Optional<StoredReport.Summary> other = archive.sentReportOf(month).filter(r -> !r.reportId().equals(reportId));
        if (other.isPresent() && !Boolean.TRUE.equals(execution.getVariable(ReportVariables.FORCE))) {
            log.warn("Report {} for {} not sent: report {} of the same month was sent at {} (start with force to resend)",
                    reportId, month, other.get().reportId(), other.get().sentAt());
            execution.setVariable(ReportVariables.ALREADY_SENT, true);
            return;
        }
        ReportMailer.Outcome outcome = mailer.send(reportId);
        // escalation.report.sends: reports that reached at least one recipient; .recipients: by outcome
        if (outcome.delivered() + outcome.alreadyDelivered() > 0) {
            meters.counter("escalation.report.sends").increment();
        }
        meters.counter("escalation.report.recipients", "outcome", "delivered").increment(outcome.delivered());
        meters.counter("escalation.report.recipients", "outcome", "refused").increment(outcome.refused());
    }
}

package com.escalationanalyst.report;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Hold the mail until the data is complete", an asynchronous job with no automatic retry: checks the data
 * again and fails while it is still incomplete and the run is not forced, so the job's incident says why.
 * Retrying it in Cockpit checks again (and goes on once the data is complete); setting the process variable
 * {@code force} to true first sends the report as it is, its footer naming what looked incomplete.
 */
@Component("holdIncompleteReportDelegate")
class HoldIncompleteReportDelegate implements JavaDelegate {

    private final CheckDataFreshnessDelegate check;
    private final MeterRegistry meters;

    HoldIncompleteReportDelegate(CheckDataFreshnessDelegate check, MeterRegistry meters) {
        this.check = check;
        this.meters = meters;
        meters.counter("escalation.report.holds");
    }

    @Override
    public void execute(DelegateExecution execution) {
        DataFreshness freshness = check.record(execution);
        if (!freshness.complete() && !Boolean.TRUE.equals(execution.getVariable(ReportVariables.FORCE))) {
            // each check that holds the mail (the first, and each retry while the data is still incomplete)
            meters.counter("escalation.report.holds").increment();
            throw new IncompleteDataException("The " + freshness.month() + " report is held, its data looks incomplete: "
                    + String.join("; ", freshness.reasons()) + ". Complete the data (import or sync) and retry this "
                    + "job, or set the process variable 'force' to true and retry to send the report as it is.");
        }
    }

    /** The month's data is still incomplete: the job's incident carries this message. */
    static class IncompleteDataException extends RuntimeException {
        IncompleteDataException(String message) {
            super(message);
        }
    }
}

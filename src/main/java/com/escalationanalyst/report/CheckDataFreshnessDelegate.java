package com.escalationanalyst.report;

import com.escalationanalyst.process.JsonVariables;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check the data's freshness": how recent and complete the report month's data is ({@code freshness}, {@code dataComplete}). */
@Component("checkDataFreshnessDelegate")
class CheckDataFreshnessDelegate implements JavaDelegate {

    private final FreshnessCheck check;

    CheckDataFreshnessDelegate(FreshnessCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        record(execution);
    }

    DataFreshness record(DelegateExecution execution) {
        DataFreshness freshness = check.of(ReportVariables.reportMonth(execution),
                ZoneId.of((String) execution.getVariable(ReportVariables.TIME_ZONE)));
        execution.setVariable(ReportVariables.FRESHNESS, JsonVariables.json(freshness));
        execution.setVariable(ReportVariables.DATA_COMPLETE, freshness.complete());
        return freshness;
    }
}

package com.escalationanalyst.period;

import static com.escalationanalyst.period.PeriodVariables.FROM;
import static com.escalationanalyst.period.PeriodVariables.PERIOD;
import static com.escalationanalyst.period.PeriodVariables.TO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resolve period": period phrase or from/to dates → periodFrom, periodTo (ISO instants), zone, label. */
@Component("resolvePeriodDelegate")
class ResolvePeriodDelegate implements JavaDelegate {

    private final PeriodResolver resolver;

    ResolvePeriodDelegate(PeriodResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // a PeriodException names its field (period, from, to); the inputs were checked when the process started
        Period period = resolver.resolve((String) execution.getVariable(PERIOD), (String) execution.getVariable(FROM),
                (String) execution.getVariable(TO));
        PeriodVariables.write(execution, period);
    }
}

package com.escalationanalyst.period;

import static com.escalationanalyst.period.PeriodVariables.FROM;
import static com.escalationanalyst.period.PeriodVariables.PERIOD;
import static com.escalationanalyst.period.PeriodVariables.TO;

import com.escalationanalyst.process.InputRefusedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Resolve period": period phrase or from/to dates → periodFrom, periodTo (ISO instants), zone, label. It runs as the
 * process starts, in the same transaction, so a period it cannot resolve refuses the start.
 */
@Component("resolvePeriodDelegate")
class ResolvePeriodDelegate implements JavaDelegate {

    private final PeriodResolver resolver;

    ResolvePeriodDelegate(PeriodResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Period period;
        try {
            period = resolver.resolve((String) execution.getVariable(PERIOD), (String) execution.getVariable(FROM),
                    (String) execution.getVariable(TO));
        } catch (PeriodException e) {
            // the one place a run's period is checked: the refusal names period, from or to
            throw InputRefusedException.refuse(execution, e.field(), e.reason());
        }
        PeriodVariables.write(execution, period);
    }
}

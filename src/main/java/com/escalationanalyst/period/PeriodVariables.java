package com.escalationanalyst.period;

import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_FROM;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_LABEL;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_TO;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_ZONE;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A resolved period as process variables (ISO instants, zone id, label), written once per run. */
public final class PeriodVariables {

    private PeriodVariables() {
    }

    public static void write(VariableScope scope, Period period) {
        scope.setVariable(PERIOD_FROM, period.from().toOffsetDateTime().toString());
        scope.setVariable(PERIOD_TO, period.to().toOffsetDateTime().toString());
        scope.setVariable(PERIOD_ZONE, period.zone().getId());
        scope.setVariable(PERIOD_LABEL, period.label());
    }

    public static Period read(VariableScope scope) {
        ZoneId zone = ZoneId.of((String) scope.getVariable(PERIOD_ZONE));
        return new Period(
                OffsetDateTime.parse((String) scope.getVariable(PERIOD_FROM)).atZoneSameInstant(zone),
                OffsetDateTime.parse((String) scope.getVariable(PERIOD_TO)).atZoneSameInstant(zone),
                zone, (String) scope.getVariable(PERIOD_LABEL));
    }
}

package com.escalationanalyst.period;

import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_FROM;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_LABEL;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_TO;
import static com.escalationanalyst.analysis.AnalysisVariables.PERIOD_ZONE;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The period as analysis results show it: {from, to, zone, label}. */
    public static ObjectNode json(Period period) {
        ObjectNode node = JsonVariables.mapper().createObjectNode();
        node.put("from", period.from().toOffsetDateTime().toString());
        node.put("to", period.to().toOffsetDateTime().toString());
        node.put("zone", period.zone().getId());
        node.put("label", period.label());
        return node;
    }

    public static Period read(VariableScope scope) {
        ZoneId zone = ZoneId.of((String) scope.getVariable(PERIOD_ZONE));
        return new Period(
                OffsetDateTime.parse((String) scope.getVariable(PERIOD_FROM)).atZoneSameInstant(zone),
                OffsetDateTime.parse((String) scope.getVariable(PERIOD_TO)).atZoneSameInstant(zone),
                zone, (String) scope.getVariable(PERIOD_LABEL));
    }
}

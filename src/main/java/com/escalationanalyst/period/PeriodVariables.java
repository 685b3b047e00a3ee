package com.escalationanalyst.period;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A resolved period as process variables (ISO instants, zone id, label), written once per run. */
public final class PeriodVariables {

    /** The inputs a start form or request gives: a named period ("last_month", "2026-10"...) or from/to dates. */
    public static final String PERIOD = "period";
    public static final String FROM = "from";
    public static final String TO = "to";

    /** The resolved period: ISO instants, the zone it was resolved in, its label. */
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String PERIOD_ZONE = "periodZone";
    public static final String PERIOD_LABEL = "periodLabel";

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

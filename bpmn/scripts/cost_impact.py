# Cost impact (MonthlyEscalationReportProcess, task "Cost impact").
#
# Input variables:
#   reportMonthFigures - JSON {byRootCause: {rootCause: {escalations, handleMinutesSum, handleMinutesCount, ...}}}
#                        for the report month (handle minutes of the escalations that have them)
#   agentCostPerHour - number (configured default, overridable per run)
#   currency         - e.g. "USD"
# Output variable:
#   costImpact - JSON {agentCostPerHour, currency, total, rootCauses: [{rootCause, escalations,
#                avgHandleMinutes, cost}] by cost, highest first}
# Definition (DESIGN.md): estimated cost = escalations x (mean handle_time_minutes of those escalations
# / 60) x agent cost per hour; the total is the sum over root causes. A root cause whose escalations
# have no handle time has no cost (None) and adds nothing to the total.
# Add further measures here (e.g. cost per account tier, cost share): every row is a plain dict.
import json

from org.camunda.spin import Spin


def costs(inputs, cost_per_hour, currency):
    rows = []
    total = 0.0
    for cause, c in inputs["byRootCause"].items():
        if c["handleMinutesCount"] > 0:
            average = float(c["handleMinutesSum"]) / c["handleMinutesCount"]
            cost = c["escalations"] * (average / 60.0) * cost_per_hour
            total += cost
        else:
            average = None
            cost = None
        rows.append({"rootCause": cause, "escalations": c["escalations"], "avgHandleMinutes": average, "cost": cost})
    rows.sort(key=lambda r: (-(r["cost"] if r["cost"] is not None else -1.0), r["rootCause"]))
    return {"agentCostPerHour": cost_per_hour, "currency": currency, "total": total, "rootCauses": rows}


impact = costs(json.loads(unicode(execution.getVariable("reportMonthFigures"))),
               float(execution.getVariable("agentCostPerHour")), unicode(execution.getVariable("currency")))
execution.setVariable("costImpact", Spin.JSON(json.dumps(impact)))

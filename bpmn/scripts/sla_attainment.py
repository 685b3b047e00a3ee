# SLA attainment (MeasureSlaAttainmentProcess, task "Compute attainment").
#
# Input variable:
#   slaCounts - JSON {cells: {"target|dimension|value": [met, breached, running]}, risk: [a, b, c, d], tickets,
#               withoutPolicy}; risk: a = tickets that breached a target and escalated after the first breach,
#               b = breached and did not (or escalated before it), c = tickets without a breach that escalated,
#               d = without a breach and not escalated
# Output variable:
#   attainment - JSON {rows: [{target, dimension, value, met, breached, running, attainmentPct}] ordered by target,
#                dimension (all, priority, segment, tier, team) and value, risk: {breachedTickets,
#                escalatedAfterBreach, otherTickets, escalatedOther, riskAfterBreachPct, riskOtherPct, relativeRisk,
#                low, high, corrected}, tickets, withoutPolicy}
# Definitions (docs/design.md, "SLA clock and attainment"; docs/adr/0017-sla-clock-and-monitor.md):
#   attainment = met / (met + breached) x 100, targets still running left out; None when none is decided.
#   relative risk of escalation after a breach = (a / (a + b)) / (c / (c + d)), 95 % interval
#   exp(ln RR -/+ 1.96 x sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d))) (Katz log method); when a cell is 0, 0.5 is added to
#   each of the four first (Haldane-Anscombe) and "corrected" says so; None when either group has no ticket.
import json
import math

from org.camunda.spin import Spin

Z95 = 1.96
ORDER = {"all": 0, "priority": 1, "segment": 2, "tier": 3, "team": 4}
TARGETS = {"first_response": 0, "resolution": 1}


def rows_of(cells):
    rows = []
    for key, counts in cells.items():
        target, dimension, value = key.split("|", 2)
        met, breached, running = counts
        decided = met + breached
        rows.append({"target": target, "dimension": dimension, "value": value, "met": met, "breached": breached,
                     "running": running, "attainmentPct": met * 100.0 / decided if decided else None})
    rows.sort(key=lambda r: (TARGETS.get(r["target"], 9), ORDER.get(r["dimension"], 9), r["value"]))
    return rows


def relative_risk(a, b, c, d):
    result = {"breachedTickets": a + b, "escalatedAfterBreach": a, "otherTickets": c + d, "escalatedOther": c,
              "riskAfterBreachPct": a * 100.0 / (a + b) if a + b else None,
              "riskOtherPct": c * 100.0 / (c + d) if c + d else None,
              "relativeRisk": None, "low": None, "high": None, "corrected": False}
    if a + b == 0 or c + d == 0:
        return result
    corrected = a == 0 or b == 0 or c == 0 or d == 0
    if corrected:
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    a, b, c, d = float(a), float(b), float(c), float(d)
    rr = (a / (a + b)) / (c / (c + d))
    se = math.sqrt(1.0 / a - 1.0 / (a + b) + 1.0 / c - 1.0 / (c + d))
    result.update({"relativeRisk": rr, "low": math.exp(math.log(rr) - Z95 * se),
                   "high": math.exp(math.log(rr) + Z95 * se), "corrected": corrected})
    return result


def attainment(counts):
    a, b, c, d = counts["risk"]
    return {"rows": rows_of(counts["cells"]), "risk": relative_risk(a, b, c, d), "tickets": counts["tickets"],
            "withoutPolicy": counts["withoutPolicy"]}


result = attainment(json.loads(unicode(execution.getVariable("slaCounts"))))
execution.setVariable("attainment", Spin.JSON(json.dumps(result)))

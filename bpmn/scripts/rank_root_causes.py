# Group and rank root causes (AnalyzeEscalationPatternsProcess, task "Group and rank root causes").
#
# Input variables (JSON values, aggregates only, never one entry per ticket):
#   cube   - [{rootCause, productArea, count, resolved, resolutionMillis, handleMinutes, handleTimed}] per root
#            cause x product area (handleTimed: the escalations with a handle time, handleMinutes their sum)
#   totals - {totalTickets, escalatedTickets, escalationMillis, escalationTimed}
#   topProductAreas - {rootCause: product area} with most of the cause's escalations (optional)
#   topTeams - {rootCause: team} the assignee group with most of the cause's escalations (optional)
#            (both chosen where the cube is built, analysis/EscalationCube.java: the mode, ties to the
#            alphabetically first, tickets without one left out)
#   agentCostPerHour, currency - for the estimated cost (optional: without them no cost)
# Output variable:
#   ranking - {totalTickets, escalatedTickets, escalationRate, meanTimeToEscalationMinutes,
#              rows: [{rootCause, count, percentOfEscalations, avgResolutionHours, resolved,
#                      unresolved, topProductArea, topTeam, meanHandleMinutes, estimatedCost, top3}],
#              agentCostPerHour, currency}
#   escalationCosts - {byRootCause: {rootCause: {escalations, handleMinutesSum, handleMinutesCount}}}, the input
#              of the next step, "What fixing would save" (cost_impact.py)
# Definitions (docs/design.md, "Metric definitions"): rates are percentages at full precision; the estimated cost
# of a root cause = escalations x (mean handle_time_minutes of those with one / 60) x agent cost per hour,
# none when no escalation has a handle time; rows are ranked by count, ties by name; the first three rows are
# the top three.
import json

from org.camunda.spin import Spin

MILLIS_PER_HOUR = 3600000.0
MILLIS_PER_MINUTE = 60000.0
TOP = 3


def rank(cube, totals, top_teams=None, agent_cost_per_hour=None, currency=None, top_areas=None):
    top_teams = top_teams or {}
    top_areas = top_areas or {}
    groups = {}
    for cell in cube:
        group = groups.setdefault(cell["rootCause"], {"count": 0, "resolved": 0, "millis": 0, "handleMinutes": 0,
                                                      "handleTimed": 0})
        group["count"] += cell["count"]
        group["resolved"] += cell["resolved"]
        group["millis"] += cell["resolutionMillis"]
        group["handleMinutes"] += cell.get("handleMinutes", 0)
        group["handleTimed"] += cell.get("handleTimed", 0)

    escalated = totals["escalatedTickets"]
    rows = []
    for cause, group in groups.items():
        mean_handle = group["handleMinutes"] * 1.0 / group["handleTimed"] if group["handleTimed"] else None
        cost = None
        if mean_handle is not None and agent_cost_per_hour is not None:
            cost = group["count"] * mean_handle / 60.0 * agent_cost_per_hour
        rows.append({
            "rootCause": cause,
            "count": group["count"],
            "percentOfEscalations": group["count"] * 100.0 / escalated if escalated else None,
            "avgResolutionHours": group["millis"] / MILLIS_PER_HOUR / group["resolved"] if group["resolved"] else None,
            "resolved": group["resolved"],
            "unresolved": group["count"] - group["resolved"],
            "topProductArea": top_areas.get(cause),
            "topTeam": top_teams.get(cause),
            "meanHandleMinutes": mean_handle,
            "estimatedCost": cost,
        })
    rows.sort(key=lambda row: (-row["count"], row["rootCause"]))
    for position, row in enumerate(rows):
        row["top3"] = position < TOP

    total = totals["totalTickets"]
    timed = totals["escalationTimed"]
    return {
        "totalTickets": total,
        "escalatedTickets": escalated,
        "escalationRate": escalated * 100.0 / total if total else None,
        "meanTimeToEscalationMinutes": totals["escalationMillis"] / MILLIS_PER_MINUTE / timed if timed else None,
        "rows": rows,
        "agentCostPerHour": agent_cost_per_hour,
        "currency": currency,
    }


def escalation_costs(cube):
    """Escalations and handle minutes per root cause, as cost_impact.py reads them."""
    by_cause = {}
    for cell in cube:
        c = by_cause.setdefault(cell["rootCause"], {"escalations": 0, "handleMinutesSum": 0, "handleMinutesCount": 0})
        c["escalations"] += cell["count"]
        c["handleMinutesSum"] += cell.get("handleMinutes", 0)
        c["handleMinutesCount"] += cell.get("handleTimed", 0)
    return {"byRootCause": by_cause}


top_teams = execution.getVariable("topTeams")
top_areas = execution.getVariable("topProductAreas")
cube = json.loads(unicode(execution.getVariable("cube")))
ranking = rank(cube, json.loads(unicode(execution.getVariable("totals"))),
               json.loads(unicode(top_teams)) if top_teams is not None else None,
               execution.getVariable("agentCostPerHour"), execution.getVariable("currency"),
               json.loads(unicode(top_areas)) if top_areas is not None else None)
execution.setVariable("ranking", Spin.JSON(json.dumps(ranking)))
execution.setVariable("escalationCosts", Spin.JSON(json.dumps(escalation_costs(cube))))

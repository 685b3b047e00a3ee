# Cost impact and what fixing would save (MonthlyEscalationReportProcess, task "Cost impact";
# AnalyzeEscalationPatternsProcess, task "What fixing would save").
#
# Input variables:
#   escalationCosts  - JSON {byRootCause: {rootCause: {escalations, handleMinutesSum, handleMinutesCount, ...}}}
#                      for the period (handle minutes of the escalations that have them)
#   knownIssues      - JSON {rootCause: [{id, title, status, tickets}]}: the known issues the period's escalations
#                      match, per root cause (the report's variable); or, without it, knownIssueFindings
#                      {knownIssuesByRootCause: the same} (the patterns analysis' variable, read in place rather
#                      than copied); with neither, no known-issue savings
#   agentCostPerHour - number (configured default, overridable per run)
#   currency         - e.g. "USD"
# Output variable:
#   costImpact - JSON {agentCostPerHour, currency, total,
#                rootCauses: [{rootCause, escalations, avgHandleMinutes, cost}] by cost, highest first,
#                knownIssues: [{id, title, status, escalations, cost}] by cost, highest first,
#                topSavings: [{kind: "knownIssue" | "rootCause", id, title, escalations, cost}] the first three}
# Definitions (docs/design.md, "What fixing would save"; docs/adr/0016-report-trends-savings-and-freshness.md):
#   estimated cost of a root cause = escalations x (mean handle_time_minutes of those escalations / 60) x agent
#   cost per hour; the total is the sum over root causes. A root cause whose escalations have no handle time
#   has no cost (None) and adds nothing to the total.
#   what fixing a known issue would save a period = its matched escalations (all root causes) and, summed over
#   the root causes they fall under, matched escalations x that root cause's mean handle time / 60 x agent cost
#   per hour (None when none of those root causes has a handle time). Fixing a root cause saves its cost.
#   topSavings: the known issues that would save most, then, if fewer than three, the root causes.
# Ranking: cost, highest first (no cost last), then escalations, then id.
import json

from org.camunda.spin import Spin

TOP = 3


def rank_key(row, key):
    return (-(row["cost"] if row["cost"] is not None else -1.0), -row["escalations"], row[key])


def root_cause_costs(by_cause, cost_per_hour):
    rows = []
    for cause, c in by_cause.items():
        if c["handleMinutesCount"] > 0:
            average = float(c["handleMinutesSum"]) / c["handleMinutesCount"]
            cost = c["escalations"] * (average / 60.0) * cost_per_hour
        else:
            average = None
            cost = None
        rows.append({"rootCause": cause, "escalations": c["escalations"], "avgHandleMinutes": average, "cost": cost})
    rows.sort(key=lambda r: rank_key(r, "rootCause"))
    return rows


def known_issue_savings(known_issues, causes, cost_per_hour):
    average = dict((r["rootCause"], r["avgHandleMinutes"]) for r in causes)
    issues = {}
    for cause, matched in known_issues.items():
        for issue in matched:
            row = issues.setdefault(issue["id"], {"id": issue["id"], "title": issue["title"],
                                                  "status": issue.get("status"), "escalations": 0, "cost": None})
            row["escalations"] += issue["tickets"]
            if average.get(cause) is not None:
                row["cost"] = (row["cost"] or 0.0) + issue["tickets"] * average[cause] / 60.0 * cost_per_hour
    rows = list(issues.values())
    rows.sort(key=lambda r: rank_key(r, "id"))
    return rows


def costs(by_cause, known_issues, cost_per_hour, currency):
    causes = root_cause_costs(by_cause, cost_per_hour)
    issues = known_issue_savings(known_issues or {}, causes, cost_per_hour)
    top = [{"kind": "knownIssue", "id": i["id"], "title": i["title"], "escalations": i["escalations"],
            "cost": i["cost"]} for i in issues[:TOP]]
    for c in causes:
        if len(top) >= TOP:
            break
        top.append({"kind": "rootCause", "id": c["rootCause"], "title": None, "escalations": c["escalations"],
                    "cost": c["cost"]})
    total = sum(c["cost"] for c in causes if c["cost"] is not None)
    return {"agentCostPerHour": cost_per_hour, "currency": currency, "total": total, "rootCauses": causes,
            "knownIssues": issues, "topSavings": top}


def read(name):
    value = execution.getVariable(name)
    return json.loads(unicode(value)) if value is not None else None


def known_issues():
    issues = read("knownIssues")
    if issues is None:
        findings = read("knownIssueFindings")
        issues = findings["knownIssuesByRootCause"] if findings is not None else None
    return issues


impact = costs(read("escalationCosts")["byRootCause"], known_issues(),
               float(execution.getVariable("agentCostPerHour")), unicode(execution.getVariable("currency")))
execution.setVariable("costImpact", Spin.JSON(json.dumps(impact)))

# Trend analysis (MonthlyEscalationReportProcess, task "Trend analysis").
#
# Input variables (JSON, one month each as the query tasks write it: {month, totalTickets, escalatedTickets,
# byRootCause: {rootCause: {escalations, ...}}}):
#   reportMonthFigures   - the report month
#   previousMonthFigures - the month before
#   trailingMonthFigures - the six months before that, oldest first
# Output variable:
#   trend - JSON {month, previousMonth, overall: {rate, previousRate, changePts, direction,
#                 escalations, previousEscalations, momChangePct, momLabel},
#                 rateSeries: [{month, rate, movingAverage3}],
#                 rootCauses: [{rootCause, thisMonth, previousMonth, momChangePct, momLabel,
#                               movingAverage3, increasing}] by this month's count, highest first}
# Definitions (DESIGN.md): month-over-month change = (this - previous) / previous x 100, None with the
# label "new" when previous is 0; 3-month moving average at month m = mean of months m-2..m (None
# with fewer than three months or a month without tickets); rates in percent at full precision.
import json

from org.camunda.spin import Spin

MIN_ESCALATIONS = 5


def is_increasing(series):
    """The rule for an increasing category; edit it here. series: counts per month, report month last."""
    this = series[-1]
    previous = series[-2] if len(series) >= 2 else 0
    before = series[-4:-1]
    if len(before) < 3:
        return False
    return this > previous and this >= MIN_ESCALATIONS and this > sum(before) / 3.0


def mom_change(this, previous):
    if previous == 0:
        return None, "new" if this > 0 else "none"
    change = (this - previous) * 100.0 / previous
    return change, "up" if change > 0 else ("down" if change < 0 else "flat")


def moving_average(series, index):
    if index < 2:
        return None
    window = series[index - 2:index + 1]
    if None in window:
        return None
    return sum(window) / 3.0


def monthly_counts(trailing, previous, report):
    """The months oldest first with their totals, and each root cause's escalations per month (0 when absent)."""
    months = trailing + [previous, report]
    causes = set()
    for m in months:
        causes.update(m["byRootCause"].keys())
    by_cause = {}
    for cause in causes:
        by_cause[cause] = [m["byRootCause"][cause]["escalations"] if cause in m["byRootCause"] else 0 for m in months]
    return {
        "months": [m["month"] for m in months],
        "totals": [{"totalTickets": m["totalTickets"], "escalatedTickets": m["escalatedTickets"]} for m in months],
        "byRootCause": by_cause,
    }


def rate(total):
    if total["totalTickets"] == 0:
        return None
    return total["escalatedTickets"] * 100.0 / total["totalTickets"]


def analyse(counts):
    months = counts["months"]
    totals = counts["totals"]
    rates = [rate(t) for t in totals]
    this_rate = rates[-1]
    previous_rate = rates[-2] if len(rates) >= 2 else None
    change_pts = this_rate - previous_rate if this_rate is not None and previous_rate is not None else None
    if change_pts is None:
        direction = "new"
    elif change_pts > 0:
        direction = "up"
    elif change_pts < 0:
        direction = "down"
    else:
        direction = "flat"
    escalations = [t["escalatedTickets"] for t in totals]
    previous_escalations = escalations[-2] if len(escalations) >= 2 else 0
    mom, mom_label = mom_change(escalations[-1], previous_escalations)

    series = []
    for i in range(len(months)):
        series.append({"month": months[i], "rate": rates[i], "movingAverage3": moving_average(rates, i)})

    causes = []
    for cause, per_month in counts["byRootCause"].items():
        previous = per_month[-2] if len(per_month) >= 2 else 0
        change, label = mom_change(per_month[-1], previous)
        causes.append({
            "rootCause": cause,
            "thisMonth": per_month[-1],
            "previousMonth": previous,
            "momChangePct": change,
            "momLabel": label,
            "movingAverage3": moving_average(per_month, len(per_month) - 1),
            "increasing": is_increasing(per_month),
        })
    causes.sort(key=lambda c: (-c["thisMonth"], c["rootCause"]))
    return {
        "month": months[-1],
        "previousMonth": months[-2] if len(months) >= 2 else None,
        "overall": {
            "rate": this_rate,
            "previousRate": previous_rate,
            "changePts": change_pts,
            "direction": direction,
            "escalations": escalations[-1],
            "previousEscalations": previous_escalations,
            "momChangePct": mom,
            "momLabel": mom_label,
        },
        "rateSeries": series,
        "rootCauses": causes,
    }


def read(name):
    return json.loads(unicode(execution.getVariable(name)))


trend = analyse(monthly_counts(read("trailingMonthFigures"), read("previousMonthFigures"), read("reportMonthFigures")))
execution.setVariable("trend", Spin.JSON(json.dumps(trend)))

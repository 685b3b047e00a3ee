# Trend analysis (MonthlyEscalationReportProcess, task "Trend analysis").
#
# Input variables (JSON, one month each as the query tasks write it: {month, totalTickets, escalatedTickets,
# byRootCause: {rootCause: {escalations, ...}}}):
#   reportMonthFigures   - the report month
#   previousMonthFigures - the month before
#   trailingMonthFigures - the six months before that, oldest first
#   trendRules           - {significanceLevel, materialChange, smoothing} (escalation.report.trend.*)
# Output variable:
#   trend - JSON {month, previousMonth,
#                 overall: {rate, previousRate, changePts, direction, pValue, escalations, previousEscalations,
#                           momChangePct, momLabel},
#                 rateSeries: [{month, rate, movingAverage3}],
#                 forecast: {month, rate, low, high, smoothing, months} or None,
#                 rootCauses: [{rootCause, thisMonth, previousMonth, momChangePct, momLabel, movingAverage3,
#                               direction, pValue, increasing}] by this month's count, highest first}
# Definitions (docs/design.md, "Monthly trends and forecast"; docs/adr/0016-report-trends-savings-and-freshness.md):
# month-over-month change = (this - previous) / previous x 100,
# None with the label "new" when previous is 0; 3-month moving average at month m = mean of months m-2..m (None
# with fewer than three months or a month without tickets); rates in percent at full precision.
#
# Direction of a change between the previous month and the report month, the only two months compared:
#   root cause - conditional binomial test: with x1 and x0 escalations of that cause among n1 and n0 tickets,
#                if the cause's rate per ticket were the same in both months, x1 given x1 + x0 would follow
#                Binomial(x1 + x0, n1 / (n1 + n0)). The p-value is two-sided: twice the smaller tail, at most 1
#                (exact, summed term by term). "increasing" / "decreasing" when p < significanceLevel and the
#                rate per ticket changed by at least materialChange (relative: 0.10 = 10 %), else "stable".
#   overall    - two-proportion z-test of escalated among all tickets in the two months (pooled rate),
#                two-sided p = erfc(|z| / sqrt 2); "up" / "down" under the same two conditions, else "stable";
#                "new" when the previous month had no tickets.
# Forecast of next month's rate: simple exponential smoothing of the monthly rates (months without tickets
# skipped): level = first rate, then level += smoothing x (rate - level) for each later month; the forecast
# is the last level; its interval is forecast +/- 1.96 x the root mean square of the one-step errors (each
# rate minus the level before it), clipped to 0..100. None with fewer than three rates.
import json
import math

from org.camunda.spin import Spin

Z95 = 1.96


def binomial_pmf(k, n, p):
    return math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                    + k * math.log(p) + (n - k) * math.log(1.0 - p))


def tail_sum(x, n, p, upward):
    """P(X >= x) when upward, else P(X <= x), summed from x away from the mode (terms shrink): stops when negligible."""
    term = binomial_pmf(x, n, p)
    total = 0.0
    k = x
    while 0 <= k <= n:
        total += term
        if term <= total * 1e-17:
            break
        if upward:
            term *= (n - k) / (k + 1.0) * p / (1.0 - p)
            k += 1
        else:
            term *= k / (n - k + 1.0) * (1.0 - p) / p
            k -= 1
    return total


def binomial_two_sided(x, n, p):
    """Two-sided p-value of x successes in n trials of probability p: twice the smaller tail, at most 1."""
    if n == 0 or p <= 0.0 or p >= 1.0:
        return 1.0
    mode = int(math.floor((n + 1) * p))
    if x >= mode:
        upper = tail_sum(x, n, p, True)
        lower = 1.0 - upper + binomial_pmf(x, n, p)
    else:
        lower = tail_sum(x, n, p, False)
        upper = 1.0 - lower + binomial_pmf(x, n, p)
    return min(1.0, 2.0 * min(lower, upper))


def material(rate, previous_rate, rules):
    """Whether a rate moved by at least the material change, relative to the previous rate (any rise from 0 is)."""
    if previous_rate == 0:
        return rate > 0
    return abs(rate - previous_rate) / previous_rate >= rules["materialChange"]


def cause_direction(x1, n1, x0, n0, rules):
    """(direction, p-value) of a root cause's escalations x0 of n0 tickets -> x1 of n1 tickets."""
    if n1 == 0 or n0 == 0:
        return "stable", None
    p_value = binomial_two_sided(x1, x1 + x0, float(n1) / (n1 + n0))
    rate, previous_rate = float(x1) / n1, float(x0) / n0
    if p_value < rules["significanceLevel"] and material(rate, previous_rate, rules):
        return ("increasing" if rate > previous_rate else "decreasing"), p_value
    return "stable", p_value


def two_proportion_p(e1, n1, e0, n0):
    """Two-sided p-value of the z-test of e1/n1 against e0/n0 with the pooled rate; 1 when it cannot differ."""
    pooled = float(e1 + e0) / (n1 + n0)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n0))
    if se == 0:
        return 1.0
    z = (float(e1) / n1 - float(e0) / n0) / se
    return math.erfc(abs(z) / math.sqrt(2.0))


def overall_direction(totals, rules):
    this, previous = totals[-1], totals[-2]
    n1, n0 = this["totalTickets"], previous["totalTickets"]
    if n0 == 0:
        return "new", None
    if n1 == 0:
        return "stable", None
    e1, e0 = this["escalatedTickets"], previous["escalatedTickets"]
    p_value = two_proportion_p(e1, n1, e0, n0)
    rate, previous_rate = float(e1) / n1, float(e0) / n0
    if p_value < rules["significanceLevel"] and material(rate, previous_rate, rules):
        return ("up" if rate > previous_rate else "down"), p_value
    return "stable", p_value


def next_month(month):
    year, number = int(month[:4]), int(month[5:7])
    return "%04d-%02d" % (year + number // 12, number % 12 + 1)


def forecast(months, rates, rules):
    known = [r for r in rates if r is not None]
    if len(known) < 3:
        return None
    alpha = rules["smoothing"]
    level = known[0]
    squares = 0.0
    for r in known[1:]:
        error = r - level
        squares += error * error
        level += alpha * error
    spread = Z95 * math.sqrt(squares / (len(known) - 1))
    return {"month": next_month(months[-1]), "rate": level, "low": max(0.0, level - spread),
            "high": min(100.0, level + spread), "smoothing": alpha, "months": len(known)}


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


def analyse(counts, rules):
    months = counts["months"]
    totals = counts["totals"]
    rates = [rate(t) for t in totals]
    this_rate = rates[-1]
    previous_rate = rates[-2]
    change_pts = this_rate - previous_rate if this_rate is not None and previous_rate is not None else None
    direction, p_value = overall_direction(totals, rules)
    escalations = [t["escalatedTickets"] for t in totals]
    mom, mom_label = mom_change(escalations[-1], escalations[-2])

    series = []
    for i in range(len(months)):
        series.append({"month": months[i], "rate": rates[i], "movingAverage3": moving_average(rates, i)})

    causes = []
    for cause, per_month in counts["byRootCause"].items():
        change, label = mom_change(per_month[-1], per_month[-2])
        cause_trend, cause_p = cause_direction(per_month[-1], totals[-1]["totalTickets"],
                                               per_month[-2], totals[-2]["totalTickets"], rules)
        causes.append({
            "rootCause": cause,
            "thisMonth": per_month[-1],
            "previousMonth": per_month[-2],
            "momChangePct": change,
            "momLabel": label,
            "movingAverage3": moving_average(per_month, len(per_month) - 1),
            "direction": cause_trend,
            "pValue": cause_p,
            "increasing": cause_trend == "increasing",
        })
    causes.sort(key=lambda c: (-c["thisMonth"], c["rootCause"]))
    return {
        "month": months[-1],
        "previousMonth": months[-2],
        "overall": {
            "rate": this_rate,
            "previousRate": previous_rate,
            "changePts": change_pts,
            "direction": direction,
            "pValue": p_value,
            "escalations": escalations[-1],
            "previousEscalations": escalations[-2],
            "momChangePct": mom,
            "momLabel": mom_label,
        },
        "rateSeries": series,
        "forecast": forecast(months, rates, rules),
        "rootCauses": causes,
    }


def read(name):
    return json.loads(unicode(execution.getVariable(name)))


trend = analyse(monthly_counts(read("trailingMonthFigures"), read("previousMonthFigures"), read("reportMonthFigures")),
                read("trendRules"))
execution.setVariable("trend", Spin.JSON(json.dumps(trend)))

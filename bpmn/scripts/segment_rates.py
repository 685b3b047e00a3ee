# Compute segment rates (CompareSegmentEscalationRatesProcess, task "Compute segment rates").
#
# Input variables:
#   segmentCounts - JSON [{value, totalTickets, escalatedTickets}], one entry per value of the dimension
#   minTickets    - values with fewer tickets are shown but never flagged
#   alpha         - family-wise significance level (0.05)
# Output variable:
#   segmentResult - JSON {totalTickets, escalatedTickets, overallRate, comparedValues, rows: [{value,
#                   totalTickets, escalatedTickets, escalationRate, deviationPts, ci95Low, ci95High, z,
#                   pValue, significantlyAbove, note}]}, rows by rate, highest first (ties by value)
# Definitions (docs/design.md, "Metric definitions"): rate = escalated / tickets x 100; deviation = value
# rate - overall rate in percentage points; "significantly above" = one-sided two-proportion z-test with
# pooled variance of the value against all other tickets, p < alpha / k (Bonferroni, k = values compared,
# i.e. with at least minTickets tickets and some other tickets to compare with); Wilson 95 % interval of
# each rate.
# Add further measures here: every row is a plain dict.
import json
import math

from org.camunda.spin import Spin

Z95 = 1.959963984540054


def upper_tail(z):
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def wilson(escalated, total):
    if total == 0:
        return None, None
    p = float(escalated) / total
    denominator = 1.0 + Z95 * Z95 / total
    centre = (p + Z95 * Z95 / (2.0 * total)) / denominator
    half = Z95 * math.sqrt(p * (1.0 - p) / total + Z95 * Z95 / (4.0 * total * total)) / denominator
    return (centre - half) * 100.0, (centre + half) * 100.0


def compare(counts, min_tickets, alpha):
    total = sum(c["totalTickets"] for c in counts)
    escalated = sum(c["escalatedTickets"] for c in counts)
    overall = escalated * 100.0 / total if total else None
    rows = []
    for c in counts:
        n = c["totalTickets"]
        e = c["escalatedTickets"]
        rate = e * 100.0 / n if n else None
        low, high = wilson(e, n)
        z = None
        p_value = None
        others = total - n
        if n > 0 and others > 0:
            pooled = float(escalated) / total
            se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / n + 1.0 / others))
            if se > 0:
                z = (float(e) / n - float(escalated - e) / others) / se
                p_value = upper_tail(z)
        rows.append({
            "value": c["value"],
            "totalTickets": n,
            "escalatedTickets": e,
            "escalationRate": rate,
            "deviationPts": rate - overall if rate is not None and overall is not None else None,
            "ci95Low": low,
            "ci95High": high,
            "z": z,
            "pValue": p_value,
            "eligible": n >= min_tickets and p_value is not None,
        })
    compared = len([r for r in rows if r["eligible"]])
    for row in rows:
        if row["eligible"]:
            row["significantlyAbove"] = row["pValue"] < alpha / compared
            row["note"] = None
        else:
            row["significantlyAbove"] = False
            if row["totalTickets"] < min_tickets:
                row["note"] = "fewer than %d tickets: not tested" % min_tickets
            else:
                row["note"] = "nothing to compare with: not tested"
        del row["eligible"]
    rows.sort(key=lambda r: (-(r["escalationRate"] if r["escalationRate"] is not None else -1.0), r["value"]))
    return {
        "totalTickets": total,
        "escalatedTickets": escalated,
        "overallRate": overall,
        "comparedValues": compared,
        "alpha": alpha,
        "rows": rows,
    }


result = compare(json.loads(unicode(execution.getVariable("segmentCounts"))),
                 int(execution.getVariable("minTickets")), float(execution.getVariable("alpha")))
execution.setVariable("segmentResult", Spin.JSON(json.dumps(result)))

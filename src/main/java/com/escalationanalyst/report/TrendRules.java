package com.escalationanalyst.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.report.trend.*}: when the report calls a change a trend (trend_analysis.py). A root cause
 * is "increasing" or "decreasing", and the overall rate "up" or "down", only when the change from the previous
 * month is significant ({@code p < significanceLevel}) and its rate per ticket moved by at least
 * {@code materialChange} of the previous rate (0.10 = 10 %). {@code smoothing} is the weight of the newest
 * month in the forecast of next month's rate (simple exponential smoothing, 0 < smoothing ≤ 1).
 */
@ConfigurationProperties("escalation.report.trend")
record TrendRules(Double significanceLevel, Double materialChange, Double smoothing) {

    TrendRules {
        significanceLevel = significanceLevel == null ? 0.05 : significanceLevel;
        materialChange = materialChange == null ? 0.10 : materialChange;
        smoothing = smoothing == null ? 0.5 : smoothing;
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new IllegalStateException("escalation.report.trend.significance-level: " + significanceLevel
                    + " is not between 0 and 1 (e.g. 0.05)");
        }
        if (!(materialChange >= 0)) {
            throw new IllegalStateException("escalation.report.trend.material-change: " + materialChange
                    + " is negative (a share of the previous rate, e.g. 0.10)");
        }
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalStateException("escalation.report.trend.smoothing: " + smoothing
                    + " is not above 0 and at most 1 (e.g. 0.5)");
        }
    }
}

package com.escalationanalyst.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.report.trend.*}: when the report calls a change a trend (trend_analysis.py). A root cause
 * is "increasing" or "decreasing", and the overall rate "up" or "down", only when the change from the previous
 * month is significant ({@code p < significanceLevel}) and its rate per ticket moved by at least
 * {@code materialChange} of the previous rate (0.10 = 10 %). {@code smoothing} is the weight of the newest
 * month in the forecast of next month's rate (simple exponential smoothing, 0 < smoothing ≤ 1).
 */
@Validated
@ConfigurationProperties("escalation.report.trend")
record TrendRules(
        @DefaultValue("0.05") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) double significanceLevel,
        @DefaultValue("0.10") @DecimalMin("0") double materialChange,
        @DefaultValue("0.5") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double smoothing) {
}

package com.escalationanalyst.report;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.report.freshness.*}: when a report month's data counts as visibly incomplete, so that the
 * mail is held (docs/adr/0016-report-trends-savings-and-freshness.md). Each rule can be switched off on its own:
 * <ul>
 *   <li>{@code minVolumeRatio}: the month's tickets per day below this share of the trailing months' (0: off);</li>
 *   <li>{@code maxMissingDays}: more days without a single ticket than this, counting only days whose weekday
 *       averaged at least {@code minExpectedPerDay} tickets in the trailing months (negative: off);</li>
 *   <li>{@code requireLoadAfterMonthEnd}: the newest import or sync must have ended after the month ended (only
 *       when one was recorded at all);</li>
 *   <li>{@code holdOnSyncIncident}: no open incident on a helpdesk or CRM sync.</li>
 * </ul>
 * {@code trailingMonths}: how many months before the report month make "the usual" pattern.
 */
@Validated
@ConfigurationProperties("escalation.report.freshness")
record FreshnessRules(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3") @Min(1) @Max(24) int trailingMonths,
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double minVolumeRatio,
        @DefaultValue("1.0") @DecimalMin("0") double minExpectedPerDay,
        @DefaultValue("1") int maxMissingDays,
        @DefaultValue("true") boolean requireLoadAfterMonthEnd,
        @DefaultValue("true") boolean holdOnSyncIncident) {
}

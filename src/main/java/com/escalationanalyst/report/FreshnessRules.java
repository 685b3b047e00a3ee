package com.escalationanalyst.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("escalation.report.freshness")
record FreshnessRules(Boolean enabled, Integer trailingMonths, Double minVolumeRatio, Double minExpectedPerDay,
                      Integer maxMissingDays, Boolean requireLoadAfterMonthEnd, Boolean holdOnSyncIncident) {

    FreshnessRules {
        enabled = enabled == null || enabled;
        trailingMonths = trailingMonths == null ? 3 : trailingMonths;
        minVolumeRatio = minVolumeRatio == null ? 0.5 : minVolumeRatio;
        minExpectedPerDay = minExpectedPerDay == null ? 1.0 : minExpectedPerDay;
        maxMissingDays = maxMissingDays == null ? 1 : maxMissingDays;
        requireLoadAfterMonthEnd = requireLoadAfterMonthEnd == null || requireLoadAfterMonthEnd;
        holdOnSyncIncident = holdOnSyncIncident == null || holdOnSyncIncident;
        if (trailingMonths < 1 || trailingMonths > 24) {
            throw new IllegalStateException("escalation.report.freshness.trailing-months: " + trailingMonths
                    + " is not between 1 and 24");
        }
        if (minVolumeRatio < 0 || minVolumeRatio > 1) {
            throw new IllegalStateException("escalation.report.freshness.min-volume-ratio: " + minVolumeRatio
                    + " is not between 0 (off) and 1");
        }
    }
}

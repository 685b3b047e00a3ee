package com.escalationanalyst.analysis.segments;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.segments.*}: values with fewer tickets than {@code minTickets} are shown but never
 * flagged; {@code alpha} is the family-wise significance level before the Bonferroni correction.
 */
@ConfigurationProperties("escalation.segments")
record SegmentSettings(Integer minTickets, Double alpha) {

    SegmentSettings {
        minTickets = minTickets == null ? 30 : minTickets;
        alpha = alpha == null ? 0.05 : alpha;
    }
}

package com.escalationanalyst.analysis.segments;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.segments.*}: values with fewer tickets than {@code minTickets} are shown but never
 * flagged; {@code alpha} is the family-wise significance level before the Bonferroni correction.
 */
@Validated
@ConfigurationProperties("escalation.segments")
record SegmentSettings(
        @DefaultValue("30") @Min(1) int minTickets,
        @DefaultValue("0.05") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) double alpha) {
}

package com.escalationanalyst.analysis.patterns;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.patterns.*}: the share of a pattern's tickets that must match one known issue
 * for the pattern to "match a documented bug", and the smallest cluster of similar unmatched
 * product-bug notes reported as a candidate new known issue.
 */
@Validated
@ConfigurationProperties("escalation.patterns")
record PatternSettings(
        @DefaultValue("0.3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double documentedBugShare,
        @DefaultValue("5") @Min(2) int clusterMinSize) {
}

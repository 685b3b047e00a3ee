package com.escalationanalyst.config;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.cost.*}: what an agent hour costs and in which currency (ISO 4217 code), for every estimated
 * cost (the patterns analysis, the monthly report); checked at start.
 */
@Validated
@ConfigurationProperties("escalation.cost")
public record CostSettings(
        @DefaultValue("38.00") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal agentCostPerHour,
        @DefaultValue("USD") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter currency code such as USD or EUR") String currency) {
}

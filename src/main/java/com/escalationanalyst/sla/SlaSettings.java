package com.escalationanalyst.sla;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.sla.*}: how often the SLA monitor runs ({@code cycle}, an ISO 8601 repeating interval, default
 * every five minutes; {@code enabled} false stops the timer, the monitor can still be started by hand), from which
 * share of a target a running ticket is "at risk" ({@code atRiskShare}, 0.75), and which Camunda group's members see
 * the teams' alert tasks in Tasklist ({@code taskGroup}).
 */
@Validated
@ConfigurationProperties("escalation.sla")
public record SlaSettings(
        @DefaultValue("R/PT5M") @NotNull @Pattern(regexp = "R.*", message = "must be a repeating interval such as R/PT5M") String cycle,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.75") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) double atRiskShare,
        @DefaultValue("escalation-analysts") @NotBlank String taskGroup) {

    public SlaSettings {
        // as written in a file or the environment, where a trailing space is easily left
        cycle = cycle == null ? null : cycle.trim();
        taskGroup = taskGroup == null ? null : taskGroup.trim();
    }

    /** The timer's cycle: the configured one, or one so far away that it never fires when the monitor is off. */
    public String timerCycle() {
        return enabled ? cycle : "R/P3650D";
    }
}

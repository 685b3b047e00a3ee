package com.escalationanalyst.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.sla.*}: how often the SLA monitor runs ({@code cycle}, an ISO 8601 repeating interval, default
 * every five minutes; {@code enabled} false stops the timer, the monitor can still be started by hand), from which
 * share of a target a running ticket is "at risk" ({@code atRiskShare}, 0.75), and which Camunda group's members see
 * the teams' alert tasks in Tasklist ({@code taskGroup}).
 */
@ConfigurationProperties("escalation.sla")
public record SlaSettings(String cycle, Boolean enabled, Double atRiskShare, String taskGroup) {

    public SlaSettings {
        cycle = cycle == null || cycle.isBlank() ? "R/PT5M" : cycle.trim();
        enabled = enabled == null || enabled;
        atRiskShare = atRiskShare == null ? 0.75 : atRiskShare;
        taskGroup = taskGroup == null || taskGroup.isBlank() ? "escalation-analysts" : taskGroup.trim();
        if (!(atRiskShare > 0 && atRiskShare < 1)) {
            throw new IllegalStateException("escalation.sla.at-risk-share: " + atRiskShare + " is not between 0 and 1 (e.g. 0.75)");
        }
        if (!cycle.startsWith("R")) {
            throw new IllegalStateException("escalation.sla.cycle: '" + cycle + "' is not a repeating interval (e.g. R/PT5M)");
        }
    }

    /** The timer's cycle: the configured one, or one so far away that it never fires when the monitor is off. */
    public String timerCycle() {
        return enabled ? cycle : "R/P3650D";
    }
}

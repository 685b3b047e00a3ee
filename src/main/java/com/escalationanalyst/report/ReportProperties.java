package com.escalationanalyst.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.report.*} as configured: when the report runs ({@code cron}, six fields read in
 * {@code escalation.time-zone}), who receives it ({@code recipients}, an RFC 822 address list, and the members of the
 * Camunda groups {@code recipient-groups}; {@code recipient-group}, one group, is the older name and is added), the
 * sender, and the folder for .eml files when no SMTP host is set ({@code outbox}; none: {@code <data-dir>/outbox}).
 * {@link ReportSettings} checks what a type cannot say (the cron, the addresses). The trend and freshness rules are
 * {@link TrendRules} and {@link FreshnessRules}.
 */
@Validated
@ConfigurationProperties("escalation.report")
public record ReportProperties(
        @DefaultValue("0 0 6 1 * ?") @NotBlank String cron,
        @DefaultValue("vp-customer-experience@example.com, support-team-leads@example.com") @NotNull String recipients,
        @DefaultValue({ReportRecipientGroups.VP_CUSTOMER_EXPERIENCE, ReportRecipientGroups.SUPPORT_TEAM_LEADS})
        @NotNull List<String> recipientGroups,
        @DefaultValue("") @NotNull String recipientGroup,
        @DefaultValue("Escalation Analyst <escalation-analyst@example.com>") @NotBlank String from,
        Path outbox) {
}

package com.escalationanalyst.crm.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.sync.crm.*} as configured: the HubSpot-style CRM ({@code base-url}; empty: no feed), how often to
 * sync and whether to, companies per page (the search API allows 200), how far before the last complete run's start
 * the next one asks for modified companies, and which company properties hold the account fields. The token is
 * {@code CRM_API_TOKEN}, from the environment only ({@link CrmSyncSettings}).
 */
@Validated
@ConfigurationProperties("escalation.sync.crm")
public record CrmFeedProperties(
        @DefaultValue("") @NotNull String baseUrl,
        @DefaultValue("R/PT6H") @Pattern(regexp = "R.*", message = "must be a repeating interval such as R/PT6H") String cycle,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100") @Min(1) @Max(200) int pageSize,
        @DefaultValue("PT10M") @NotNull Duration modifiedSinceMargin,
        @DefaultValue @Valid Properties properties) {

    public CrmFeedProperties {
        if (modifiedSinceMargin != null && modifiedSinceMargin.isNegative()) {
            throw new IllegalArgumentException("escalation.sync.crm.modified-since-margin: must not be negative, is "
                    + modifiedSinceMargin);
        }
    }

    /** Company property names for account_id, name, segment, tier, region, industry, arr. */
    public record Properties(@DefaultValue("hs_object_id") @NotBlank String accountId,
                             @DefaultValue("name") @NotBlank String name,
                             @DefaultValue("segment") @NotBlank String segment,
                             @DefaultValue("tier") @NotBlank String tier,
                             @DefaultValue("region") @NotBlank String region,
                             @DefaultValue("industry") @NotBlank String industry,
                             @DefaultValue("annualrevenue") @NotBlank String arr) {
    }
}

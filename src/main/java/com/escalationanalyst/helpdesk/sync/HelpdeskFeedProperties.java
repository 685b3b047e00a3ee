package com.escalationanalyst.helpdesk.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.sync.helpdesk.*} as configured: the Zendesk-compatible API ({@code base-url}; empty: no feed), the
 * user its token belongs to, how often to sync (an ISO 8601 repeating interval) and whether to, where the first export
 * starts (epoch seconds), and the custom field ids of the escalation flag, reason code, product area and handle time
 * (0: none). The token is {@code HELPDESK_API_TOKEN}, from the environment only ({@link HelpdeskSyncSettings}).
 */
@Validated
@ConfigurationProperties("escalation.sync.helpdesk")
public record HelpdeskFeedProperties(
        @DefaultValue("") @NotNull String baseUrl,
        @DefaultValue("") @NotNull String user,
        @DefaultValue("R/PT15M") @Pattern(regexp = "R.*", message = "must be a repeating interval such as R/PT15M") String cycle,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") @Min(0) long startTime,
        @DefaultValue @Valid Fields fields) {

    /** Custom field ids ({@code escalation.sync.helpdesk.fields.*}). */
    public record Fields(@DefaultValue("0") @Min(0) long escalated, @DefaultValue("0") @Min(0) long reasonCode,
                         @DefaultValue("0") @Min(0) long productArea, @DefaultValue("0") @Min(0) long handleTime) {
    }
}

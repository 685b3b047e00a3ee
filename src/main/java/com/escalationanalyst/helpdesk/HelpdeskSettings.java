package com.escalationanalyst.helpdesk;

import com.escalationanalyst.store.StoreSource;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code escalation.helpdesk.*}: where the helpdesk store's tables live (tickets, status changes, notes). */
@Validated
@ConfigurationProperties("escalation.helpdesk")
public record HelpdeskSettings(@DefaultValue @Valid @NestedConfigurationProperty StoreSource datasource) {
}

package com.escalationanalyst.crm;

import com.escalationanalyst.store.StoreSource;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code escalation.crm.*}: where the CRM store's tables live (accounts). */
@Validated
@ConfigurationProperties("escalation.crm")
public record CrmSettings(@DefaultValue @Valid @NestedConfigurationProperty StoreSource datasource) {
}

package com.escalationanalyst.crm.sync;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.sync.crm.*}: a HubSpot-style CRM (companies search API), a private-app token from the
 * environment ({@code CRM_API_TOKEN}, sent as a bearer token and nowhere else), how often to sync, and
 * which company properties hold the account fields. The account id must be what tickets carry as
 * their account (with a Zendesk helpdesk, the organization id, e.g. a {@code zendesk_organization_id}
 * property); the default is the CRM's own company id.
 */
@Component("crmSyncSettings")
public class CrmSyncSettings {

    /** Company property names for account_id, name, segment, tier, region, industry, arr. */
    record Properties(String accountId, String name, String segment, String tier, String region, String industry,
                      String arr) {
    }

    private final String baseUrl;
    private final String token;
    private final String cycle;
    private final boolean enabled;
    private final int pageSize;
    private final Properties properties;
    private final java.time.Duration modifiedSinceMargin;

    CrmSyncSettings(@Value("${escalation.sync.crm.base-url:}") String baseUrl,
                    @Value("${CRM_API_TOKEN:}") String token,
                    @Value("${escalation.sync.crm.cycle:R/PT6H}") String cycle,
                    @Value("${escalation.sync.crm.enabled:true}") boolean enabled,
                    @Value("${escalation.sync.crm.page-size:100}") int pageSize,
                    @Value("${escalation.sync.crm.properties.account-id:hs_object_id}") String accountId,
                    @Value("${escalation.sync.crm.properties.name:name}") String name,
                    @Value("${escalation.sync.crm.properties.segment:segment}") String segment,
                    @Value("${escalation.sync.crm.properties.tier:tier}") String tier,
                    @Value("${escalation.sync.crm.properties.region:region}") String region,
                    @Value("${escalation.sync.crm.properties.industry:industry}") String industry,
                    @Value("${escalation.sync.crm.properties.arr:annualrevenue}") String arr,
                    @Value("${escalation.sync.crm.modified-since-margin:PT10M}") java.time.Duration modifiedSinceMargin) {
        if (modifiedSinceMargin.isNegative()) {
            throw new IllegalStateException("escalation.sync.crm.modified-since-margin: must not be negative, is "
                    + modifiedSinceMargin);
        }
        this.modifiedSinceMargin = modifiedSinceMargin;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.cycle = cycle;
        this.enabled = enabled && !baseUrl.isBlank();
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalStateException("escalation.sync.crm.page-size: must be 1 to 200, is " + pageSize);
        }
        this.pageSize = pageSize;
        this.properties = new Properties(accountId, name, segment, tier, region, industry, arr);
    }

    /** The timer's cycle ({@code ${crmSyncSettings.cycle()}} in the model). */
    public String cycle() {
        return cycle;
    }

    boolean enabled() {
        return enabled;
    }

    String baseUrl() {
        return baseUrl;
    }

    int pageSize() {
        return pageSize;
    }

    Properties properties() {
        return properties;
    }

    /**
     * How long before the last complete run's start the next run's "modified since" begins: the CRM's search
     * index lags behind its writes, and companies seen twice are upserted twice, harmlessly.
     */
    java.time.Duration modifiedSinceMargin() {
        return modifiedSinceMargin;
    }

    String authorization() {
        return token.isBlank() ? null : "Bearer " + token;
    }
}

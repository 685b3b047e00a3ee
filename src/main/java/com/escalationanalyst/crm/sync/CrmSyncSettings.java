package com.escalationanalyst.crm.sync;

import com.escalationanalyst.sync.FeedSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.sync.crm.*} ({@link CrmFeedProperties}): a HubSpot-style CRM (companies search API), a private-app token from the
 * environment ({@code CRM_API_TOKEN}, sent as a bearer token and nowhere else), how often to sync, and
 * which company properties hold the account fields. The account id must be what tickets carry as
 * their account (with a Zendesk helpdesk, the organization id, e.g. a {@code zendesk_organization_id}
 * property); the default is the CRM's own company id.
 */
@Component("crmSyncSettings")
public class CrmSyncSettings implements FeedSettings {

    private final String baseUrl;
    private final String token;
    private final String cycle;
    private final boolean enabled;
    private final int pageSize;
    private final CrmFeedProperties.Properties properties;
    private final java.time.Duration modifiedSinceMargin;

    CrmSyncSettings(CrmFeedProperties feed, @Value("${CRM_API_TOKEN:}") String token) {
        String baseUrl = feed.baseUrl();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.cycle = feed.cycle();
        this.enabled = feed.enabled() && !baseUrl.isBlank();
        this.pageSize = feed.pageSize();
        this.modifiedSinceMargin = feed.modifiedSinceMargin();
        this.properties = feed.properties();
    }

    /** The timer's cycle ({@code ${crmSyncSettings.cycle()}} in the model). */
    @Override
    public String cycle() {
        return cycle;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    int pageSize() {
        return pageSize;
    }

    CrmFeedProperties.Properties properties() {
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

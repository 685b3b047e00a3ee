package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.sync.FeedSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.sync.helpdesk.*} ({@link HelpdeskFeedProperties}): where the Zendesk-compatible API is, how to authenticate (the
 * token comes from the environment, {@code HELPDESK_API_TOKEN}, and is only ever put in a request header),
 * how often to sync, and which custom fields hold the escalation flag, reason code, product area and
 * handle time.
 */
@Component("helpdeskSyncSettings")
public class HelpdeskSyncSettings implements FeedSettings {

    private final String baseUrl;
    private final String user;
    private final String token;
    private final String cycle;
    private final boolean enabled;
    private final long startTime;
    private final long escalatedFieldId;
    private final long reasonCodeFieldId;
    private final long productAreaFieldId;
    private final long handleTimeFieldId;

    @Autowired
    HelpdeskSyncSettings(HelpdeskFeedProperties feed, @Value("${HELPDESK_API_TOKEN:}") String token) {
        this(feed.baseUrl(), feed.user(), token, feed.cycle(), feed.enabled(), feed.startTime(),
                feed.fields().escalated(), feed.fields().reasonCode(), feed.fields().productArea(),
                feed.fields().handleTime());
    }

    HelpdeskSyncSettings(String baseUrl, String user, String token, String cycle, boolean enabled, long startTime,
                         long escalatedFieldId, long reasonCodeFieldId, long productAreaFieldId, long handleTimeFieldId) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.user = user;
        this.token = token;
        this.cycle = cycle;
        this.enabled = enabled && !baseUrl.isBlank();
        this.startTime = startTime;
        this.escalatedFieldId = escalatedFieldId;
        this.reasonCodeFieldId = reasonCodeFieldId;
        this.productAreaFieldId = productAreaFieldId;
        this.handleTimeFieldId = handleTimeFieldId;
    }

    /** The timer's cycle ({@code ${helpdeskSyncSettings.cycle()}} in the model). */
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

    long startTime() {
        return startTime;
    }

    /** Zendesk API tokens: Basic "{email}/token:{token}"; without a user, an OAuth bearer token. */
    String authorization() {
        if (token.isBlank()) {
            return null;
        }
        if (user.isBlank()) {
            return "Bearer " + token;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + "/token:" + token).getBytes(StandardCharsets.UTF_8));
    }

    long escalatedFieldId() {
        return escalatedFieldId;
    }

    long reasonCodeFieldId() {
        return reasonCodeFieldId;
    }

    long productAreaFieldId() {
        return productAreaFieldId;
    }

    long handleTimeFieldId() {
        return handleTimeFieldId;
    }
}

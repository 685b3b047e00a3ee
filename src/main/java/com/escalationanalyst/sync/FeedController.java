package com.escalationanalyst.sync;

import com.escalationanalyst.api.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;

/**
 * What both feeds' controllers do: {@code POST /api/sync/<feed>} starts a sync now (409 when the feed has no base
 * URL), and at start-up the feed's timer is suspended when the sync is disabled or not configured, active otherwise.
 * A feed's controller names its path, process and timer start event.
 */
public abstract class FeedController {

    private final FeedSettings settings;
    private final FeedProcesses feeds;
    private final String name;
    private final String processKey;
    private final String startEvent;
    private final String baseUrlProperty;

    protected FeedController(FeedSettings settings, FeedProcesses feeds, String name, String processKey,
                             String startEvent, String baseUrlProperty) {
        this.settings = settings;
        this.feeds = feeds;
        this.name = name;
        this.processKey = processKey;
        this.startEvent = startEvent;
        this.baseUrlProperty = baseUrlProperty;
    }

    /** Starts a sync now: 202 with its process instance. */
    protected ResponseEntity<Map<String, Object>> startNow() {
        if (settings.baseUrl().isBlank()) {
            throw new ConflictException(baseUrlProperty, "the " + name + " sync is not configured: set "
                    + baseUrlProperty);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("processInstanceId", feeds.startNow(processKey, startEvent));
        return ResponseEntity.accepted().body(answer);
    }

    // before StartupLock lets the next node in
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    public void applySchedule() {
        feeds.applySchedule(processKey, settings.enabled(), settings.cycle());
    }
}

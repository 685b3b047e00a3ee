package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.api.ConflictException;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.sync.FeedProcesses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sync/helpdesk} starts a sync now; at start-up the sync's timer is suspended when the
 * sync is disabled or has no base URL, and active otherwise.
 */
@RestController
class HelpdeskSyncController {

    static final String START_EVENT = "StartEvent_Every15Minutes";

    private final HelpdeskSyncSettings settings;
    private final FeedProcesses feeds;

    HelpdeskSyncController(HelpdeskSyncSettings settings, FeedProcesses feeds) {
        this.settings = settings;
        this.feeds = feeds;
    }

    @PostMapping("/api/sync/helpdesk")
    ResponseEntity<Map<String, Object>> sync() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (settings.baseUrl().isBlank()) {
            throw new ConflictException("escalation.sync.helpdesk.base-url",
                    "the helpdesk sync is not configured: set escalation.sync.helpdesk.base-url");
        }
        answer.put("processInstanceId", feeds.startNow(ProcessIds.SYNC_HELPDESK, START_EVENT));
        return ResponseEntity.accepted().body(answer);
    }

    // before StartupLock lets the next node in
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    void applySchedule() {
        feeds.applySchedule(ProcessIds.SYNC_HELPDESK, settings.enabled(), settings.cycle());
    }
}

package com.escalationanalyst.crm.sync;

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

/** {@code POST /api/sync/crm} starts a CRM sync now; the timer is active only when the sync is configured. */
@RestController
class CrmSyncController {

    static final String START_EVENT = "StartEvent_EverySixHours";

    private final CrmSyncSettings settings;
    private final FeedProcesses feeds;

    CrmSyncController(CrmSyncSettings settings, FeedProcesses feeds) {
        this.settings = settings;
        this.feeds = feeds;
    }

    @PostMapping("/api/sync/crm")
    ResponseEntity<Map<String, Object>> sync() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (settings.baseUrl().isBlank()) {
            throw new ConflictException("escalation.sync.crm.base-url",
                    "the CRM sync is not configured: set escalation.sync.crm.base-url");
        }
        answer.put("processInstanceId", feeds.startNow(ProcessIds.SYNC_CRM, START_EVENT));
        return ResponseEntity.accepted().body(answer);
    }

    // before StartupLock lets the next node in
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    void applySchedule() {
        feeds.applySchedule(ProcessIds.SYNC_CRM, settings.enabled(), settings.cycle());
    }
}

package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.sync.FeedController;
import com.escalationanalyst.sync.FeedProcesses;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sync/helpdesk} starts a helpdesk sync now; the timer is active only when it is configured. */
@RestController
class HelpdeskSyncController extends FeedController {

    static final String START_EVENT = "StartEvent_Every15Minutes";

    HelpdeskSyncController(HelpdeskSyncSettings settings, FeedProcesses feeds) {
        super(settings, feeds, "helpdesk", ProcessIds.SYNC_HELPDESK, START_EVENT, "escalation.sync.helpdesk.base-url");
    }

    @PostMapping("/api/sync/helpdesk")
    ResponseEntity<Map<String, Object>> sync() {
        return startNow();
    }
}

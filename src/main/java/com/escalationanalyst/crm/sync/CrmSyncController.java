package com.escalationanalyst.crm.sync;

import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.sync.FeedController;
import com.escalationanalyst.sync.FeedProcesses;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sync/crm} starts a CRM sync now; the timer is active only when the sync is configured. */
@RestController
class CrmSyncController extends FeedController {

    static final String START_EVENT = "StartEvent_EverySixHours";

    CrmSyncController(CrmSyncSettings settings, FeedProcesses feeds) {
        super(settings, feeds, "CRM", ProcessIds.SYNC_CRM, START_EVENT, "escalation.sync.crm.base-url");
    }

    @PostMapping("/api/sync/crm")
    ResponseEntity<Map<String, Object>> sync() {
        return startNow();
    }
}

package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.process.ProcessIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sync/helpdesk} starts a sync now (at the timer start event, without waiting for it);
 * at start-up the sync's timer is suspended when the sync is disabled or has no base URL, and active otherwise.
 */
@RestController
class HelpdeskSyncController {

    static final String START_EVENT = "StartEvent_Every15Minutes";
    private static final Logger log = LoggerFactory.getLogger(HelpdeskSyncController.class);

    private final HelpdeskSyncSettings settings;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;

    HelpdeskSyncController(HelpdeskSyncSettings settings, RuntimeService runtimeService,
                           RepositoryService repositoryService, ManagementService managementService) {
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    @PostMapping("/api/sync/helpdesk")
    ResponseEntity<Map<String, Object>> sync() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (settings.baseUrl().isBlank()) {
            answer.put("error", "the helpdesk sync is not configured: set escalation.sync.helpdesk.base-url");
            answer.put("field", "escalation.sync.helpdesk.base-url");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(answer);
        }
        String id = runtimeService.createProcessInstanceByKey(ProcessIds.SYNC_HELPDESK)
                .startBeforeActivity(START_EVENT).execute().getId();
        answer.put("processInstanceId", id);
        return ResponseEntity.accepted().body(answer);
    }

    @EventListener(ApplicationReadyEvent.class)
    void applySchedule() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.SYNC_HELPDESK).latestVersion().singleResult();
        if (definition == null) {
            return;
        }
        for (Job timer : managementService.createJobQuery().processDefinitionId(definition.getId()).timers().list()) {
            if (settings.enabled() && timer.isSuspended()) {
                managementService.activateJobById(timer.getId());
            } else if (!settings.enabled() && !timer.isSuspended()) {
                managementService.suspendJobById(timer.getId());
            }
        }
        log.info("Helpdesk sync timer {} ({})", settings.enabled() ? "active" : "suspended",
                settings.enabled() ? settings.cycle() : "no base URL or escalation.sync.helpdesk.enabled=false");
    }
}

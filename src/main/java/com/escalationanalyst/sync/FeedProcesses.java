package com.escalationanalyst.sync;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the sync processes share: a manual start at the timer start event (without waiting for the
 * timer), the timer suspended while a feed is not configured or disabled, and running totals in variables.
 */
@Component
public class FeedProcesses {

    private static final Logger log = LoggerFactory.getLogger(FeedProcesses.class);

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;

    FeedProcesses(RuntimeService runtimeService, RepositoryService repositoryService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    /** Starts a sync now; returns the process instance id. */
    public String startNow(String processKey, String timerStartEvent) {
        return runtimeService.createProcessInstanceByKey(processKey).startBeforeActivity(timerStartEvent).execute().getId();
    }

    /** Activates or suspends the timer start of the latest version of a sync process. */
    public void applySchedule(String processKey, boolean enabled, String cycle) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        if (definition == null) {
            return;
        }
        for (Job timer : managementService.createJobQuery().processDefinitionId(definition.getId()).timers().list()) {
            if (enabled && timer.isSuspended()) {
                managementService.activateJobById(timer.getId());
            } else if (!enabled && !timer.isSuspended()) {
                managementService.suspendJobById(timer.getId());
            }
        }
        log.info("{} timer {}", processKey, enabled ? "active (" + cycle + ")" : "suspended (no base URL, or disabled)");
    }

    /** Adds to a running total kept in a process variable. */
    public static void add(DelegateExecution execution, String variable, long amount) {
        Object value = execution.getVariable(variable);
        execution.setVariable(variable, (value == null ? 0 : ((Number) value).longValue()) + amount);
    }
}

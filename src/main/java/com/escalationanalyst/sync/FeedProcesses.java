package com.escalationanalyst.sync;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
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

    /**
     * What a page's answer means for the run: a 429 sets {@code rateLimited} and {@code retryAfter} (Retry-After
     * as an ISO duration, for the model's timer; without Retry-After an exponential back-off,
     * {@link FeedClient#retryAfterSeconds}) and returns true; any other status but 200 fails the job (retries,
     * then an incident); a 200 clears {@code rateLimited} and returns false.
     */
    public static boolean rateLimited(DelegateExecution execution, FeedResponse response, String source, String page) {
        if (response.status() == 429) {
            add(execution, SyncVariables.RATE_LIMITED_IN_A_ROW, 1);
            long seconds = FeedClient.retryAfterSeconds(response.retryAfter(),
                    ((Number) execution.getVariable(SyncVariables.RATE_LIMITED_IN_A_ROW)).longValue());
            execution.setVariable(SyncVariables.RATE_LIMITED, true);
            execution.setVariable(SyncVariables.RETRY_AFTER, "PT" + seconds + "S");
            log.info("{} sync rate limited at {}: waiting {} s", source, page, seconds);
            return true;
        }
        if (response.status() != 200) {
            throw new IllegalStateException(source + " API answered HTTP " + response.status() + " for " + page);
        }
        execution.setVariable(SyncVariables.RATE_LIMITED, false);
        execution.setVariable(SyncVariables.RATE_LIMITED_IN_A_ROW, 0L);
        return false;
    }

    /** Adds to a running total kept in a process variable. */
    public static void add(DelegateExecution execution, String variable, long amount) {
        Object value = execution.getVariable(variable);
        execution.setVariable(variable, (value == null ? 0 : ((Number) value).longValue()) + amount);
    }
}

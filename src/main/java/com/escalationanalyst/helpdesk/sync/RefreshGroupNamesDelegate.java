package com.escalationanalyst.helpdesk.sync;

import static com.escalationanalyst.sync.SyncVariables.GROUP_NAMES;

import com.escalationanalyst.sync.FeedClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Refresh team names" (first step of a helpdesk sync): the assignee groups' names, see
 * {@link AssigneeGroupNames}. Names are a convenience, not data: when the helpdesk cannot answer, the sync goes
 * on with the names stored before ({@code groupNames} is then -1 and the reason is logged).
 */
@Component("refreshGroupNamesDelegate")
class RefreshGroupNamesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RefreshGroupNamesDelegate.class);

    private final HelpdeskSyncSettings settings;
    private final FeedClient client;
    private final AssigneeGroupNames groups;

    RefreshGroupNamesDelegate(HelpdeskSyncSettings settings, FeedClient client, AssigneeGroupNames groups) {
        this.settings = settings;
        this.client = client;
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (settings.baseUrl().isBlank()) {
            throw new IllegalStateException("escalation.sync.helpdesk.base-url is not set");
        }
        int count;
        try {
            count = groups.refresh(client, settings);
        } catch (RuntimeException e) {
            log.warn("Helpdesk group names not refreshed, the stored ones are used: {}", e.getMessage());
            count = -1;
        }
        execution.setVariable(GROUP_NAMES, count);
    }
}

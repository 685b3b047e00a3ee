package com.escalationanalyst.report;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The report's recipients by role: the Camunda groups of {@code escalation.report.recipient-groups} are created
 * empty at start when missing (by default {@value #VP_CUSTOMER_EXPERIENCE}, "VP of Customer Experience", and
 * {@value #SUPPORT_TEAM_LEADS}, "Support team leads"). An administrator adds people in the Admin web app;
 * every member with an e-mail address receives the report.
 */
@Component
@Profile("!cli")
class ReportRecipientGroups implements SmartInitializingSingleton {

    static final String VP_CUSTOMER_EXPERIENCE = "vpCustomerExperience";
    static final String SUPPORT_TEAM_LEADS = "supportTeamLeads";
    private static final Map<String, String> NAMES = Map.of(VP_CUSTOMER_EXPERIENCE, "VP of Customer Experience",
            SUPPORT_TEAM_LEADS, "Support team leads");

    private static final Logger log = LoggerFactory.getLogger(ReportRecipientGroups.class);

    private final IdentityService identity;
    private final ReportSettings settings;

    ReportRecipientGroups(IdentityService identity, ReportSettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String id : settings.recipientGroups()) {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(NAMES.getOrDefault(id, "Monthly report recipients (" + id + ")"));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
                log.info("Created the empty group '{}' ({}): its members with an e-mail address receive the monthly report",
                        id, group.getName());
            }
        }
    }
}

package com.escalationanalyst.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import com.escalationanalyst.process.ProcessIds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;

/**
 * The application's two groups and what Camunda authorization lets them do. Analysts run the analyses
 * (Tasklist or API) and read reports; admins also deploy, upload knowledge, import data, start syncs and
 * run the monthly report for any month. The administrator is in both (and in camunda-admin).
 */
final class AccessGroups {

    static final String ANALYSTS = "escalation-analysts";
    static final String ADMINS = "escalation-admins";
    /** Reads /actuator's info, metrics and health details; nothing else (no Camunda permission). */
    static final String MONITORING = "escalation-monitoring";

    private AccessGroups() {
    }

    static void ensure(IdentityService identity, AuthorizationService authorizations, String adminUserId) {
        group(identity, ANALYSTS, "Escalation analysts");
        group(identity, ADMINS, "Escalation administrators");
        group(identity, MONITORING, "Escalation monitoring");
        for (String group : new String[] {ANALYSTS, ADMINS}) {
            if (identity.createUserQuery().userId(adminUserId).memberOfGroup(group).count() == 0) {
                identity.createMembership(adminUserId, group);
            }
        }
        grant(authorizations, ANALYSTS, APPLICATION, "tasklist", Permissions.ACCESS);
        grant(authorizations, ANALYSTS, FILTER, Authorization.ANY, Permissions.READ);
        for (String key : new String[] {ProcessIds.ANALYZE_ESCALATION_PATTERNS, ProcessIds.COMPARE_SEGMENT_ESCALATION_RATES,
                ProcessIds.MEASURE_SLA_ATTAINMENT,
                ProcessIds.ASK}) {
            grant(authorizations, ANALYSTS, PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE,
                    Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        }
        // the teams' SLA alert tasks are the analysts' (candidate group): they read the process, never start it
        grant(authorizations, ANALYSTS, PROCESS_DEFINITION, ProcessIds.SLA_TEAM_ALERTS, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        // the self-check is open to analysts by the application's rules (AccessRules): the engine agrees
        grant(authorizations, ANALYSTS, PROCESS_DEFINITION, ProcessIds.SELF_CHECK, Permissions.READ,
                Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant(authorizations, ANALYSTS, PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        grant(authorizations, ANALYSTS, DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.CREATE_INSTANCE);

        grant(authorizations, ADMINS, APPLICATION, Authorization.ANY, Permissions.ACCESS);
        grant(authorizations, ADMINS, FILTER, Authorization.ANY, Permissions.READ);
        for (Resource resource : new Resource[] {DEPLOYMENT, PROCESS_DEFINITION, PROCESS_INSTANCE, TASK, DECISION_DEFINITION}) {
            grant(authorizations, ADMINS, resource, Authorization.ANY, Permissions.ALL);
        }
        // the report's recipients include group members: reading users and groups
        grant(authorizations, ADMINS, USER, Authorization.ANY, Permissions.READ);
        grant(authorizations, ADMINS, GROUP, Authorization.ANY, Permissions.READ);
    }

    private static void group(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                              Permission... permissions) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}

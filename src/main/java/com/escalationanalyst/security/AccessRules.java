package com.escalationanalyst.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Which group a request to the application's own endpoints needs (the engine REST API is left to
 * Camunda authorization). Reading and running analyses: analysts or admins; changing knowledge, importing,
 * syncing and running the monthly report: admins. camunda-admin counts as admin. /actuator's health and probes
 * are open; its other endpoints need escalation-monitoring or admins. The API description (/v3/api-docs, Swagger UI)
 * is read like the API: analysts or admins.
 */
final class AccessRules {

    private static final Set<String> READERS = Set.of(AccessGroups.ANALYSTS, AccessGroups.ADMINS, Groups.CAMUNDA_ADMIN);
    private static final Set<String> WRITERS = Set.of(AccessGroups.ADMINS, Groups.CAMUNDA_ADMIN);
    private static final Set<String> MONITORS = Set.of(AccessGroups.MONITORING, AccessGroups.ADMINS, Groups.CAMUNDA_ADMIN);

    private AccessRules() {
    }

    /** null when allowed; otherwise the group the request needs. */
    static String missingGroup(String method, String path, List<String> groups) {
        if (path.startsWith("/engine-rest/") || isHealth(path)) {
            return null;
        }
        Set<String> needed = needs(method, path);
        return groups.stream().anyMatch(needed::contains) ? null
                : needed == WRITERS ? AccessGroups.ADMINS
                : needed == MONITORS ? AccessGroups.MONITORING + " or " + AccessGroups.ADMINS
                : AccessGroups.ANALYSTS + " or " + AccessGroups.ADMINS;
    }

    /** /actuator/health and its probes: open to everyone (details only for the groups of management.endpoint.health.roles). */
    static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private static Set<String> needs(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return MONITORS;
        }
        if (path.startsWith("/api/analyses/") || path.equals("/api/self-check") || path.equals("/api/ask")) {
            return READERS;
        }
        if (path.startsWith("/api/import/") || path.startsWith("/api/sync/") || path.equals("/api/reports/monthly")) {
            return WRITERS;
        }
        return read ? READERS : WRITERS;
    }
}

package com.escalationanalyst.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Which group a request to the application's own endpoints needs (the engine REST API is left to
 * Camunda authorization). Reading and running analyses: analysts or admins; changing knowledge, importing,
 * syncing and running the monthly report: admins. camunda-admin counts as admin.
 */
final class AccessRules {

    private static final Set<String> READERS = Set.of(AccessGroups.ANALYSTS, AccessGroups.ADMINS, Groups.CAMUNDA_ADMIN);
    private static final Set<String> WRITERS = Set.of(AccessGroups.ADMINS, Groups.CAMUNDA_ADMIN);

    private AccessRules() {
    }

    /** null when allowed; otherwise the group the request needs. */
    static String missingGroup(String method, String path, List<String> groups) {
        if (path.startsWith("/engine-rest/")) {
            return null;
        }
        Set<String> needed = needs(method, path);
        return groups.stream().anyMatch(needed::contains) ? null
                : needed == WRITERS ? AccessGroups.ADMINS : AccessGroups.ANALYSTS + " or " + AccessGroups.ADMINS;
    }

    private static Set<String> needs(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/api/analyses/") || path.equals("/api/self-check") || path.equals("/api/ask")) {
            return READERS;
        }
        if (path.startsWith("/api/import/") || path.startsWith("/api/sync/") || path.equals("/api/reports/monthly")) {
            return WRITERS;
        }
        return read ? READERS : WRITERS;
    }
}

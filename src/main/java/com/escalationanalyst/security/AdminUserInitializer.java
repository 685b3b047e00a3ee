package com.escalationanalyst.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The administrator: {@code ADMIN_USER} (default "admin") with {@code ADMIN_PASSWORD}. Without a
 * password the first start creates the user with a generated one and prints it once; later starts
 * keep it. Setting ADMIN_PASSWORD sets (or resets) the password and unlocks the user, also one the
 * engine had locked: the new password is written, never checked against the stored one (a check is a
 * login attempt, and a failed one would count against the user). No password is ever read from a
 * committed file.
 */
@Component
@Profile("!cli")
class AdminUserInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminUserInitializer.class);

    private final ProcessEngine engine;
    private final String userId;
    private final String password;
    private final LoginThrottle throttle;

    AdminUserInitializer(ProcessEngine engine, LoginThrottle throttle,
                         @Value("${ADMIN_USER:admin}") String userId,
                         @Value("${ADMIN_PASSWORD:}") String password) {
        this.engine = engine;
        this.throttle = throttle;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IdentityService identity = engine.getIdentityService();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Escalation Analyst");
            user.setLastName("Administrator");
            boolean generated = password.isEmpty();
            String initialPassword = generated ? generatePassword() : password;
            user.setPassword(initialPassword);
            identity.saveUser(user);
            if (generated) {
                log.warn("Created administrator '{}' with password: {} (shown only this once; set ADMIN_PASSWORD to choose your own)",
                        userId, initialPassword);
            } else {
                log.info("Created administrator '{}' from ADMIN_USER / ADMIN_PASSWORD", userId);
            }
        } else if (!password.isEmpty()) {
            user.setPassword(password);
            identity.saveUser(user);
            identity.unlockUser(userId);
            throttle.clearUser(userId);
            log.info("Administrator '{}': password set from ADMIN_PASSWORD, failed logins cleared", userId);
        }
        ensureAdminGroup(identity, engine.getAuthorizationService());
        AccessGroups.ensure(identity, engine.getAuthorizationService(), userId);
        TaskFilters.ensure(engine.getFilterService(), engine.getTaskService());
    }

    private void ensureAdminGroup(IdentityService identity, AuthorizationService authorizations) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
        for (Resource resource : Resources.values()) {
            boolean granted = authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() > 0;
            if (!granted) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    /** 24 characters of 144 random bits; drawn again in the unlikely case it contains the user id. */
    private String generatePassword() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (PasswordRules.problem(userId, candidate) == null) {
                return candidate;
            }
        }
    }
}

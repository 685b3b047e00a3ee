package com.escalationanalyst.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users of a test context, created once (contexts are shared between test classes). */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates the user with this password, in {@code group} when it is not null, unless it exists already. */
    public static void ensure(IdentityService identityService, String id, String password, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
            if (group != null) {
                identityService.createMembership(id, group);
            }
        }
    }
}

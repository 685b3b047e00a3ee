package com.escalationanalyst.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The password policy of every user (the administrator, users created in Camunda Admin or through the
 * engine REST API), in the embedded mode and on PostgreSQL alike: at least {@value #MIN_LENGTH} characters
 * once leading and trailing whitespace is set aside (so blank and whitespace-only passwords are refused),
 * and none of the user's own data (id, first name, last name, e-mail). Length rather than character classes,
 * as current guidance recommends; the rules reuse Camunda's placeholders, so Camunda Admin describes them.
 */
final class PasswordRules implements PasswordPolicy {

    static final int MIN_LENGTH = 12;

    private final List<PasswordPolicyRule> rules = List.of(new LengthRule(), new PasswordPolicyUserDataRuleImpl());

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /**
     * What is wrong with a password for a user known only by id (before the engine exists), or null.
     * The same rules as the policy, with the id standing for the user's data.
     */
    static String problem(String userId, String password) {
        if (password == null || password.isEmpty()) {
            return "not set";
        }
        if (password.isBlank()) {
            return "consists of whitespace only";
        }
        if (password.strip().length() < MIN_LENGTH) {
            return "shorter than " + MIN_LENGTH + " characters";
        }
        if (userId != null && !userId.isBlank() && password.toUpperCase(Locale.ROOT).contains(userId.toUpperCase(Locale.ROOT))) {
            return "contains the user id '" + userId + "'";
        }
        return null;
    }

    /** Minimum length of what is left after stripping whitespace at both ends. */
    private static final class LengthRule implements PasswordPolicyRule {

        private final PasswordPolicyLengthRuleImpl camunda = new PasswordPolicyLengthRuleImpl(MIN_LENGTH);

        @Override
        public String getPlaceholder() {
            return camunda.getPlaceholder();
        }

        @Override
        public Map<String, String> getParameters() {
            return camunda.getParameters();
        }

        @Override
        public boolean execute(String password) {
            return password != null && password.strip().length() >= MIN_LENGTH;
        }

        @Override
        public boolean execute(String password, User user) {
            return execute(password);
        }
    }
}

package com.escalationanalyst.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * A weak administrator password stops the start before anything connects to a database, so the refusal is
 * the first and only error. In profile {@code postgres} (production) ADMIN_PASSWORD must be set; in every
 * profile a password that is set must meet the password policy of {@link PasswordRules} (the embedded default
 * without one generates a strong password on first start).
 */
public class AdminPasswordPolicy implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = environment.acceptsProfiles(Profiles.of("postgres"));
        String password = environment.getProperty("ADMIN_PASSWORD", "");
        if (password.isEmpty() && !production) {
            return;
        }
        String problem = problem(environment.getProperty("ADMIN_USER", "admin"), password);
        if (problem != null) {
            throw new IllegalStateException("ADMIN_PASSWORD: " + problem + (password.isEmpty()
                    ? "; set it in the environment (profile postgres refuses to start without it)"
                    : "; choose a password of at least " + PasswordRules.MIN_LENGTH + " characters without the user id"));
        }
    }

    /** What is wrong with the password, or null. */
    static String problem(String userId, String password) {
        return PasswordRules.problem(userId, password);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

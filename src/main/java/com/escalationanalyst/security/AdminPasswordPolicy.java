package com.escalationanalyst.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * In profile {@code postgres} (production) the application does not start with a weak administrator
 * password: missing, equal to the user id, or shorter than 12 characters. Checked before anything connects
 * to a database, so the refusal is the first and only error. The embedded default keeps its generated one.
 */
public class AdminPasswordPolicy implements EnvironmentPostProcessor, Ordered {

    static final int MIN_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        String problem = problem(environment.getProperty("ADMIN_USER", "admin"), environment.getProperty("ADMIN_PASSWORD", ""));
        if (problem != null) {
            throw new IllegalStateException("ADMIN_PASSWORD: " + problem + " (profile postgres refuses to start with it)");
        }
    }

    /** What is wrong with the password, or null. */
    static String problem(String userId, String password) {
        if (password == null || password.isEmpty()) {
            return "not set; set it in the environment";
        }
        if (password.equals(userId)) {
            return "equals the user id '" + userId + "'";
        }
        if (password.length() < MIN_LENGTH) {
            return "shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

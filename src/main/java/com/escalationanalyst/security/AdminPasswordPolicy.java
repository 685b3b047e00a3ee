package com.escalationanalyst.security;

import com.escalationanalyst.config.SettingException;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The administrator's settings stop a start that cannot work before anything connects to a database, right
 * after logging is set up, so the refusal is the start's first and only error (one ERROR line, see
 * config/SettingFailureAnalyzer.java). ADMIN_USER must be an id the engine accepts (its user id pattern,
 * letters and digits by default). In profile {@code postgres} (production) ADMIN_PASSWORD must be set; in every
 * profile a password that is set must meet the password policy of {@link PasswordRules} (the embedded default
 * without one generates a strong password on first start). Registered in META-INF/spring.factories.
 */
public class AdminPasswordPolicy implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The engine's default for user ids (generalResourceWhitelistPattern without camunda-admin). */
    static final String DEFAULT_ID_PATTERN = "[a-zA-Z0-9]+";
    private static final String GENERIC = "camunda.bpm.generic-properties.properties.";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        String userId = environment.getProperty("ADMIN_USER", "admin");
        String idPattern = environment.getProperty(GENERIC + "userResourceWhitelistPattern",
                environment.getProperty(GENERIC + "generalResourceWhitelistPattern", DEFAULT_ID_PATTERN));
        if (!Pattern.compile(idPattern).matcher(userId).matches()) {
            throw new SettingException("ADMIN_USER", "'" + userId + "' is not a user id the engine accepts (pattern "
                    + idPattern + ")", "Set ADMIN_USER to letters and digits only, e.g. admin.");
        }
        boolean production = environment.acceptsProfiles(Profiles.of("postgres"));
        String password = environment.getProperty("ADMIN_PASSWORD", "");
        if (password.isEmpty() && !production) {
            return;
        }
        String problem = problem(userId, password);
        if (problem != null) {
            throw new SettingException("ADMIN_PASSWORD", problem, password.isEmpty()
                    ? "Set ADMIN_PASSWORD in the environment (profile postgres refuses to start without it)."
                    : "Choose a password of at least " + PasswordRules.MIN_LENGTH + " characters without the user id.");
        }
    }

    /** What is wrong with the password, or null. */
    static String problem(String userId, String password) {
        return PasswordRules.problem(userId, password);
    }

    /** Right after Spring Boot has set up logging from the application's configuration. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}

package com.escalationanalyst.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.security.login.*}: the numbers of the failed-login policy ({@link LoginThrottle}).
 * Defaults: five free failures per client address and ten per user; then 1 s, doubling with each further
 * failure, at most 15 minutes per address and 60 seconds per user; failures forgotten after 15 quiet minutes.
 */
@ConfigurationProperties("escalation.security.login")
record LoginSettings(Integer freeFailuresPerAddress, Integer freeFailuresPerUser, Duration baseDelay,
                     Duration maxDelayPerAddress, Duration maxDelayPerUser, Duration forgetAfter, Integer maxTrackedKeys) {

    LoginSettings {
        freeFailuresPerAddress = positive("free-failures-per-address", freeFailuresPerAddress, 5);
        freeFailuresPerUser = positive("free-failures-per-user", freeFailuresPerUser, 10);
        baseDelay = positive("base-delay", baseDelay, Duration.ofSeconds(1));
        maxDelayPerAddress = positive("max-delay-per-address", maxDelayPerAddress, Duration.ofMinutes(15));
        maxDelayPerUser = positive("max-delay-per-user", maxDelayPerUser, Duration.ofSeconds(60));
        forgetAfter = positive("forget-after", forgetAfter, Duration.ofMinutes(15));
        maxTrackedKeys = positive("max-tracked-keys", maxTrackedKeys, 100_000);
    }

    LoginThrottle.Policy policy() {
        return new LoginThrottle.Policy(freeFailuresPerAddress, freeFailuresPerUser, baseDelay, maxDelayPerAddress,
                maxDelayPerUser, forgetAfter, maxTrackedKeys);
    }

    private static int positive(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalStateException("escalation.security.login." + key + ": must be at least 1, is " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException("escalation.security.login." + key + ": must be above zero, is " + value);
        }
        return value;
    }
}

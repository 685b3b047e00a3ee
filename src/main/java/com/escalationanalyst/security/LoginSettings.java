package com.escalationanalyst.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.security.login.*}: the numbers of the failed-login policy ({@link LoginThrottle}).
 * Defaults: five free failures per client address and ten per user; then 1 s, doubling with each further
 * failure, at most 15 minutes per address and 60 seconds per user; failures forgotten after 15 quiet minutes.
 */
@Validated
@ConfigurationProperties("escalation.security.login")
record LoginSettings(
        @DefaultValue("5") @Min(1) int freeFailuresPerAddress,
        @DefaultValue("10") @Min(1) int freeFailuresPerUser,
        @DefaultValue("1s") @NotNull Duration baseDelay,
        @DefaultValue("15m") @NotNull Duration maxDelayPerAddress,
        @DefaultValue("60s") @NotNull Duration maxDelayPerUser,
        @DefaultValue("15m") @NotNull Duration forgetAfter,
        @DefaultValue("100000") @Min(1) int maxTrackedKeys) {

    LoginSettings {
        positive("base-delay", baseDelay);
        positive("max-delay-per-address", maxDelayPerAddress);
        positive("max-delay-per-user", maxDelayPerUser);
        positive("forget-after", forgetAfter);
    }

    LoginThrottle.Policy policy() {
        return new LoginThrottle.Policy(freeFailuresPerAddress, freeFailuresPerUser, baseDelay, maxDelayPerAddress,
                maxDelayPerUser, forgetAfter, maxTrackedKeys);
    }

    private static void positive(String key, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("escalation.security.login." + key + ": must be above zero, is " + value);
        }
    }
}

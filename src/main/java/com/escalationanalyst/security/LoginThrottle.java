package com.escalationanalyst.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without letting anybody lock a user out for good. Failed logins are counted per
 * client address and per user id; after a number of free failures each further failure makes that key wait
 * {@code base × 2^(excess − 1)}, capped. The cap per user is short (a stranger can make the real user wait at
 * most that long), the cap per address long (the guesser's own address is the one slowed most). A key that
 * sees no failure for {@code forgetAfter} after its last wait ended starts afresh; a successful login clears
 * its user and its address.
 * While a key waits, its password is not even checked, so the answer says nothing about the password.
 *
 * <p>State is kept in memory per node: a cluster of n nodes lets a guesser try n times as often.
 */
final class LoginThrottle {

    /** The policy's numbers; see {@code escalation.security.login.*} in application.yaml. */
    record Policy(int freeFailuresPerAddress, int freeFailuresPerUser, Duration baseDelay, Duration maxDelayPerAddress,
                  Duration maxDelayPerUser, Duration forgetAfter, int maxTrackedKeys) {
    }

    /** How long a request must wait before its password is checked; zero when it may go ahead. */
    record Verdict(Duration delay, String reason) {

        boolean allowed() {
            return delay.isZero();
        }

        /** Whole seconds for {@code Retry-After}, rounded up, at least 1. */
        long retryAfterSeconds() {
            return Math.max(1, (delay.toMillis() + 999) / 1000);
        }
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Policy policy;
    private final Clock clock;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    LoginThrottle(Policy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    Verdict check(String userId, String address) {
        Instant now = clock.instant();
        Duration userWait = waitOf(userKey(userId), now);
        Duration addressWait = waitOf(addressKey(address), now);
        if (addressWait.compareTo(userWait) >= 0 && !addressWait.isZero()) {
            return new Verdict(addressWait, "too many failed logins from this address");
        }
        if (!userWait.isZero()) {
            return new Verdict(userWait, "too many failed logins for this user");
        }
        return new Verdict(Duration.ZERO, null);
    }

    void failed(String userId, String address) {
        Instant now = clock.instant();
        record(userKey(userId), now, policy.freeFailuresPerUser(), policy.maxDelayPerUser());
        record(addressKey(address), now, policy.freeFailuresPerAddress(), policy.maxDelayPerAddress());
        if (byKey.size() > policy.maxTrackedKeys()) {
            prune(now);
        }
    }

    void succeeded(String userId, String address) {
        byKey.remove(userKey(userId));
        byKey.remove(addressKey(address));
    }

    /** Forgets a user's failures (the administrator's password reset). */
    void clearUser(String userId) {
        byKey.remove(userKey(userId));
    }

    int trackedKeys() {
        return byKey.size();
    }

    private Duration waitOf(String key, Instant now) {
        Failures failures = byKey.get(key);
        if (failures == null || failures.blockedUntil() == null || !failures.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.blockedUntil());
    }

    private void record(String key, Instant now, int free, Duration max) {
        byKey.compute(key, (k, old) -> {
            int count = old == null || stale(old, now) ? 1 : old.count() + 1;
            Instant blockedUntil = count > free ? now.plus(delay(count - free, max)) : null;
            return new Failures(count, now, blockedUntil);
        });
    }

    /** {@code base × 2^(excess − 1)}, capped at max, without overflowing for large counts. */
    Duration delay(int excess, Duration max) {
        Duration delay = policy.baseDelay();
        for (int i = 1; i < excess && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Quiet for forgetAfter since the last failure's wait ended (so a capped wait never resets the count). */
    private boolean stale(Failures failures, Instant now) {
        Instant quietFrom = failures.blockedUntil() == null ? failures.last() : max(failures.last(), failures.blockedUntil());
        return !now.isBefore(quietFrom.plus(policy.forgetAfter()));
    }

    /** Drops keys that start afresh anyway, then, if still too many, the least recently failed ones. */
    private void prune(Instant now) {
        byKey.entrySet().removeIf(e -> stale(e.getValue(), now));
        int excess = byKey.size() - policy.maxTrackedKeys();
        if (excess > 0) {
            byKey.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last())).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(byKey::remove);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String userId) {
        return "user:" + (userId == null ? "" : userId.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

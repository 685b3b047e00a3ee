package com.escalationanalyst.operations;

import com.escalationanalyst.process.ScriptEngineWarmup;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code startup}, part of readiness: OUT_OF_SERVICE until the start-up work that runs after the
 * application is up is done — the Python script engine's warm-up, so that the first analysis does not wait
 * for it. (Store migrations, the knowledge seed and the demo data run before the application reports itself
 * started, which Spring's own readiness state covers.)
 */
@Component("startup")
class StartupHealthIndicator implements HealthIndicator {

    private final ScriptEngineWarmup warmup;

    StartupHealthIndicator(ScriptEngineWarmup warmup) {
        this.warmup = warmup;
    }

    @Override
    public Health health() {
        if (!warmup.enabled()) {
            return Health.up().withDetail("pythonWarmup", "off").build();
        }
        if (warmup.failure() != null) {
            return Health.down().withDetail("pythonWarmup", "failed: " + warmup.failure()).build();
        }
        long millis = warmup.warmupMillis();
        return millis < 0 ? Health.status(Status.OUT_OF_SERVICE).withDetail("pythonWarmup", "running").build()
                : Health.up().withDetail("pythonWarmup", millis + " ms").build();
    }
}

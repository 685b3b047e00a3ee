package com.escalationanalyst.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring context started by a test its own empty database: H2 in memory by default,
 * a throw-away PostgreSQL database with {@code -Dtest.db=postgres} (profile "postgres").
 * Runs before the configuration files are read, so the profile's file applies.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        if (TestDatabases.postgres()) {
            properties.put("spring.profiles.active", "postgres");
            properties.put("DB_URL", TestDatabases.newPostgresDatabase());
            properties.put("DB_USER", "postgres");
            properties.put("DB_PASSWORD", "");
        } else {
            properties.put("spring.datasource.url", TestDatabases.newH2Database());
        }
        // the suite keeps many contexts alive at once (Spring's context cache): small pools that shrink when idle,
        // so they never add up to PostgreSQL's connection limit
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        // the SLA monitor's timer stays off: a test that needs a cycle starts one by hand
        properties.put("escalation.sla.enabled", "false");
        properties.put("ADMIN_USER", TestCredentials.ADMIN);
        properties.put("ADMIN_PASSWORD", TestCredentials.PASSWORD);
        try {
            properties.put("escalation.data-dir", Files.createTempDirectory("ea-test-data").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

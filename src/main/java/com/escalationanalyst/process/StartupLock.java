package com.escalationanalyst.process;

import com.escalationanalyst.store.Dialect;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL database start one after the other: from before the engine creates or
 * checks its tables until the node is ready (deployment, administrator, groups, knowledge seed, timers),
 * a node holds a PostgreSQL advisory lock. Two nodes started at once on an empty database would otherwise
 * both create Camunda's tables and the administrator. The lock is a session lock: it goes with the
 * connection if the node dies. H2 (one node by design) takes no lock.
 */
@Component
class StartupLock extends AbstractProcessEnginePlugin {

    /** Any constant the application owns; "EA" in ASCII, twice. */
    static final long LOCK_KEY = 0x45414541L;
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        if (Dialect.of(dataSource) != Dialect.POSTGRESQL) {
            return;
        }
        long started = System.nanoTime();
        try {
            held = dataSource.getConnection();
            held.setAutoCommit(true);
            try (Statement statement = held.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the start-up lock in PostgreSQL", e);
        }
        log.info("Start-up lock taken in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Order(Ordered.LOWEST_PRECEDENCE)
    @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class})
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Statement statement = held.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            held.close();
        } catch (SQLException e) {
            // a pooled session must not keep the lock: take the connection out of the pool instead
            log.warn("Start-up lock: releasing failed ({}); closing its connection", e.getMessage());
            if (dataSource instanceof HikariDataSource hikari) {
                hikari.evictConnection(held);
            }
        } finally {
            held = null;
        }
    }
}

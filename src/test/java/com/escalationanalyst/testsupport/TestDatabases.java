package com.escalationanalyst.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which database the integration tests run on ({@code -Dtest.db=h2|postgres}, set by the Maven
 * profile) and throw-away PostgreSQL databases on 127.0.0.1:5432. A database is named after the JVM
 * that created it; at exit the JVM drops its databases that nothing uses any more, and every run
 * first drops the databases of JVMs that have ended. Connections are never killed, so contexts that
 * are still shutting down are not disturbed.
 */
public final class TestDatabases {

    public static final String POSTGRES_HOST = System.getProperty("test.postgres.host", "127.0.0.1:5432");
    private static final String ADMIN_URL = "jdbc:postgresql://" + POSTGRES_HOST + "/postgres";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    private static final String PREFIX = "ea_test_";

    static {
        dropDatabasesOfEndedRuns();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropOwn, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.db", "h2").toLowerCase(Locale.ROOT));
    }

    /**
     * Creates an empty PostgreSQL database for one test context and returns its JDBC URL; with
     * {@code -Dtest.postgres.database=NAME}, that existing database instead, left in place afterwards (the benchmark
     * reuses generated data this way).
     */
    public static String newPostgresDatabase() {
        String kept = System.getProperty("test.postgres.database", "");
        if (!kept.isBlank()) {
            return "jdbc:postgresql://" + POSTGRES_HOST + "/" + kept;
        }
        String name = PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + POSTGRES_HOST
                    + " (is PostgreSQL running? .ci/run starts it)", e);
        }
        CREATED.add(name);
        return "jdbc:postgresql://" + POSTGRES_HOST + "/" + name;
    }

    /** A private in-memory H2 database. */
    public static String newH2Database() {
        return "jdbc:h2:mem:ea-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static void dropOwn() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            for (String name : CREATED) {
                try {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException stillInUse) {
                    // a context is still closing its pool: the next run drops it
                }
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static void dropDatabasesOfEndedRuns() {
        if (!postgres()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] parts = name.substring(PREFIX.length()).split("_");
                    boolean ended = parts.length < 2 || !parts[0].matches("\\d+")
                            || ProcessHandle.of(Long.parseLong(parts[0])).isEmpty();
                    if (ended) {
                        stale.add(name);
                    }
                }
            }
            for (String name : stale) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases of ended runs: " + e.getMessage());
        }
    }
}

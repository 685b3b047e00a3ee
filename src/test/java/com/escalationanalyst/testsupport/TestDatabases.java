package com.escalationanalyst.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which database the integration tests run on ({@code -Dtest.db=h2|postgres}, set by the Maven
 * profile) and throw-away PostgreSQL databases on 127.0.0.1:5432, dropped when the JVM ends.
 */
public final class TestDatabases {

    public static final String POSTGRES_HOST = System.getProperty("test.postgres.host", "127.0.0.1:5432");
    private static final String ADMIN_URL = "jdbc:postgresql://" + POSTGRES_HOST + "/postgres";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("test.db", "h2").toLowerCase(Locale.ROOT));
    }

    /** Creates an empty PostgreSQL database for one test context and returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "ea_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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

    private static void dropAll() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }
}

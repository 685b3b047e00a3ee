package com.escalationanalyst.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The two databases a store may live in. SQL that differs between them is chosen by this. */
public enum Dialect {
    H2,
    POSTGRESQL;

    /** SQL for the milliseconds from one timestamp column to another, as a whole number. */
    public String millisBetween(String from, String to) {
        return this == POSTGRESQL
                ? "CAST(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000 AS BIGINT)"
                : "DATEDIFF(MILLISECOND, " + from + ", " + to + ")";
    }

    public static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalStateException("Unsupported database '" + product + "': use H2 or PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to detect its dialect", e);
        }
    }
}

package com.escalationanalyst.store;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One data store of the application (helpdesk or CRM). Each store may point at its own database,
 * so each has its own DataSource, transactions and migration history.
 */
public class StoreDatabase {

    private final String name;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    protected StoreDatabase(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
        this.dialect = Dialect.of(dataSource);
        // no default fetch size: inside a transaction PostgreSQL runs a statement fetched in chunks through a
        // cursor, which rules out parallel plans for the aggregates; the queries that stream set their own
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Applies {@code db/migration/<name>} with a history table of its own, beside Camunda's tables. */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + name)
                .table("flyway_" + name + "_history")
                // the schema already holds other tables (Camunda's, the other store's): start from 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of(
                        "unlogged", dialect == Dialect.POSTGRESQL ? "UNLOGGED" : "",
                        "text", dialect == Dialect.POSTGRESQL ? "TEXT" : "CLOB",
                        "bytes", dialect == Dialect.POSTGRESQL ? "BYTEA" : "BLOB",
                        // a statement that only PostgreSQL runs (H2 reads it as a comment)
                        "postgresql_only", dialect == Dialect.POSTGRESQL ? "" : "-- not on H2: "))
                .load()
                .migrate();
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }
}

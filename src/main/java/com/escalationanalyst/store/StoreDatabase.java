package com.escalationanalyst.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /**
     * Applies {@code db/migration/<name>} with a history table of its own, beside Camunda's tables; on PostgreSQL
     * also {@code db/migration/<name>-postgresql} (objects H2 cannot have, such as plpgsql triggers), whose versions
     * are numbered in the same sequence.
     */
    public void migrate() {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/" + name));
        if (dialect == Dialect.POSTGRESQL && hasPostgresqlMigrations()) {
            locations.add("classpath:db/migration/" + name + "-postgresql");
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
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

    /** Whether {@code db/migration/<name>-postgresql} exists (a missing location would only be logged). */
    protected boolean hasPostgresqlMigrations() {
        return false;
    }

    /**
     * Runs a first load into the store's empty tables (the import's bulk path, inside its transaction, the tables
     * locked). A store that keeps tables derived from them may set their upkeep aside and derive them once after.
     */
    public void bulkLoad(Runnable load) {
        load.run();
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

    /** Rows fetched at a time by {@link #stream}. */
    public static final int STREAM_FETCH_SIZE = 2000;

    /**
     * Runs a query whose rows are handed over one at a time without the result being held: PostgreSQL's driver
     * reads a whole result into memory unless the statement has a fetch size and runs inside a transaction.
     */
    public void stream(String sql, RowCallbackHandler handler, Object... arguments) {
        transactions.executeWithoutResult(tx -> jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            new ArgumentPreparedStatementSetter(arguments).setValues(statement);
            return statement;
        }, handler));
    }
}

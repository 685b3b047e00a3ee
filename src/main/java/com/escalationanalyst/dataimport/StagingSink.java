package com.escalationanalyst.dataimport;

import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.StagedTable;
import com.escalationanalyst.store.StoreDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** Writes rows into a staging table, on the connection of the current transaction. */
interface StagingSink extends AutoCloseable {

    void add(long line, Object[] values) throws SQLException;

    /** Sends what is buffered; the rows are visible to the transaction afterwards. */
    void finish() throws SQLException;

    @Override
    void close() throws SQLException;

    /** COPY on PostgreSQL, JDBC batches elsewhere. Must be called inside a transaction of the store. */
    static StagingSink open(StoreDatabase store, StagedTable<?> table, String importId, int batchSize)
            throws SQLException {
        Connection connection = DataSourceUtils.getConnection(store.dataSource());
        if (store.dialect() == Dialect.POSTGRESQL) {
            return new PostgresCopySink(connection, table, importId);
        }
        return new JdbcBatchSink(connection, table, importId, batchSize);
    }
}

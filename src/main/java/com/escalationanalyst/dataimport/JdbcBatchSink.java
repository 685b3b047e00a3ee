package com.escalationanalyst.dataimport;

import com.escalationanalyst.store.StagedTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** Staging through batched INSERTs (H2). */
final class JdbcBatchSink implements StagingSink {

    private final PreparedStatement insert;
    private final String importId;
    private final int[] types;
    private final int batchSize;
    private int batched;

    JdbcBatchSink(Connection connection, StagedTable<?> table, String importId, int batchSize) throws SQLException {
        String columns = String.join(", ", table.stagingColumns());
        String marks = String.join(", ", Collections.nCopies(table.stagingColumns().size() + 2, "?"));
        this.insert = connection.prepareStatement(
                "INSERT INTO " + table.stagingTable() + " (import_id, line_no, " + columns + ") VALUES (" + marks + ")");
        this.importId = importId;
        this.types = table.stagingTypes();
        this.batchSize = batchSize;
    }

    @Override
    public void add(long line, Object[] values) throws SQLException {
        insert.setString(1, importId);
        insert.setLong(2, line);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                insert.setNull(i + 3, types[i]);
            } else {
                insert.setObject(i + 3, values[i]);
            }
        }
        insert.addBatch();
        if (++batched >= batchSize) {
            insert.executeBatch();
            batched = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            batched = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}

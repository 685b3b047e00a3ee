package com.escalationanalyst.dataimport;

import com.escalationanalyst.store.StagedTable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Staging through COPY ... FROM STDIN (CSV) on PostgreSQL: one stream for the whole file. */
final class PostgresCopySink implements StagingSink {

    private final PGCopyOutputStream copy;
    private final Writer out;
    private final String importId;

    PostgresCopySink(Connection connection, StagedTable<?> table, String importId) throws SQLException {
        String sql = "COPY " + table.stagingTable() + " (import_id, line_no, " + String.join(", ", table.stagingColumns())
                + ") FROM STDIN WITH (FORMAT csv)";
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        this.out = new OutputStreamWriter(copy, StandardCharsets.UTF_8);
        this.importId = importId;
    }

    @Override
    public void add(long line, Object[] values) throws SQLException {
        try {
            out.write(importId);
            out.write(',');
            out.write(Long.toString(line));
            for (Object value : values) {
                out.write(',');
                write(value);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new SQLException("COPY into staging failed", e);
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            return; // unquoted empty field = NULL in COPY's CSV format
        }
        if (value instanceof String text) {
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        } else if (value instanceof OffsetDateTime instant) {
            out.write(instant.toString()); // ISO-8601 with offset, which COPY reads
        } else if (value instanceof BigDecimal decimal) {
            out.write(decimal.toPlainString());
        } else {
            out.write(value.toString());
        }
    }

    @Override
    public void finish() throws SQLException {
        try {
            out.flush();
            copy.endCopy();
        } catch (IOException e) {
            throw new SQLException("COPY into staging failed", e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
    }
}

package com.escalationanalyst.dataimport;

import com.escalationanalyst.csv.CsvFields;
import com.escalationanalyst.csv.CsvReader;
import com.escalationanalyst.csv.CsvRowFormat;
import com.escalationanalyst.csv.CsvSyntaxException;
import com.escalationanalyst.csv.ImportError;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.ImportSettings;
import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.store.StagedTable;
import com.escalationanalyst.store.StoreDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

/**
 * Loads rows into a store all or nothing: everything is validated and staged inside one
 * transaction, then merged by id in one statement. Any invalid row rolls the whole file back.
 * Memory stays flat: rows stream from the file into the staging table.
 */
@Component
public class StagedImporter {

    private static final Logger log = LoggerFactory.getLogger(StagedImporter.class);

    /** Ids whose hashes are kept to rule out duplicates without a query: 4,000,000 × 8 bytes = 32 MB at most. */
    private static final int IDS_IN_MEMORY = 4_000_000;

    private final int maxErrors;
    private final int batchSize;
    private final long bulkLoadMinRows;
    private final int maxFieldsPerLine;
    private final int maxFieldLength;
    private final int maxLineLength;
    private final InstantRange instants;
    private final long lockTimeoutMillis;

    public StagedImporter(InstantRange instants, ImportSettings settings) {
        this.instants = instants;
        this.maxErrors = settings.maxErrors();
        this.batchSize = settings.batchSize();
        this.bulkLoadMinRows = settings.bulkLoadMinRows();
        this.maxFieldsPerLine = settings.maxFieldsPerLine();
        this.maxFieldLength = settings.maxFieldLength();
        this.maxLineLength = settings.maxLineLength();
        this.lockTimeoutMillis = settings.lockTimeout().toMillis();
    }

    /** Validates and imports a CSV file; throws {@link ImportRejectedException} and changes nothing on any error. */
    public <R> ImportResult importCsv(InputStream input, CsvRowFormat<R> format, StagedTable<R> table,
                                      StoreDatabase store) {
        long started = System.nanoTime();
        ImportResult result = store.transactions().execute(tx -> stageAndMerge(store, table, (sink, errors) ->
                read(input, csv -> readCsv(csv, format, table, sink, errors), errors)));
        log.info("Imported {} into {}: {} inserted, {} updated in {} ms", table.rowName(),
                store.name(), result.inserted(), result.updated(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** What reads a CSV file record by record. */
    interface CsvWork {
        void read(CsvReader csv) throws IOException, CsvSyntaxException, SQLException;
    }

    /**
     * Reads a UTF-8 CSV file within this importer's caps; a file that is not UTF-8 or not CSV becomes an error of the
     * import (with its line), as do the caps. {@code errors} is the import's list.
     */
    void read(InputStream input, CsvWork work, List<ImportError> errors) throws SQLException {
        try (CsvReader csv = new CsvReader(utf8Reader(input), maxFieldsPerLine, maxFieldLength, maxLineLength)) {
            work.read(csv);
        } catch (MalformedUtf8Exception e) {
            errors.add(new ImportError(e.line(), null, "is not valid UTF-8 (" + e.getMessage()
                    + "); save the file as UTF-8"));
        } catch (CharacterCodingException e) {
            errors.add(new ImportError(0, null, "is not valid UTF-8; save the file as UTF-8"));
        } catch (CsvSyntaxException e) {
            errors.add(new ImportError(e.line(), null, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import file failed", e);
        }
    }

    /** Errors listed for a refused file ({@code escalation.import.max-errors}). */
    int maxErrors() {
        return maxErrors;
    }

    /** How long an import waits for another one into the same store ({@code escalation.import.lock-timeout}). */
    long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /** Upserts rows that need no parsing (generated data); line numbers are their ordinal. */
    public <R> ImportResult upsert(Iterator<R> rows, StagedTable<R> table, StoreDatabase store) {
        return store.transactions().execute(tx -> stageAndMerge(store, table, (sink, errors) -> {
            long ordinal = 0;
            while (rows.hasNext()) {
                sink.add(++ordinal, table.values(rows.next()));
            }
        }));
    }

    private <R> void readCsv(CsvReader csv, CsvRowFormat<R> format, StagedTable<R> table, Rows sink,
                             List<ImportError> errors) throws IOException, CsvSyntaxException, SQLException {
        List<String> header = csv.next();
        if (header == null) {
            errors.add(new ImportError(1, null, "the file is empty; a header row naming the columns "
                    + String.join(",", format.columns()) + " is required"));
            return;
        }
        Map<String, Integer> index = readHeader(header, format.columns(), errors);
        if (!errors.isEmpty()) {
            return;
        }
        List<String> fields;
        while ((fields = csv.next()) != null) {
            long line = csv.recordLine();
            if (fields.size() != header.size()) {
                errors.add(new ImportError(line, null, "has " + fields.size() + " fields; the header has "
                        + header.size()));
            } else {
                R row = format.parse(new CsvFields(line, fields, index, errors, instants));
                if (row != null) {
                    sink.add(line, table.values(row));
                }
            }
            // one past the maximum: enough to know the list is cut (truncated), no more read
            if (errors.size() > maxErrors) {
                return;
            }
        }
    }

    private static Map<String, Integer> readHeader(List<String> header, List<String> expected,
                                                   List<ImportError> errors) {
        Map<String, Integer> index = new HashMap<>();
        Set<String> known = new LinkedHashSet<>(expected);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (!known.contains(name)) {
                errors.add(new ImportError(1, name, "unknown column; the columns are " + String.join(", ", expected)));
            } else if (index.putIfAbsent(name, i) != null) {
                errors.add(new ImportError(1, name, "column appears twice in the header"));
            }
        }
        for (String column : expected) {
            if (!index.containsKey(column)) {
                errors.add(new ImportError(1, column, "missing column"));
            }
        }
        return index;
    }

    /** Where a loader puts its valid rows. */
    private interface Rows {
        void add(long line, Object[] values) throws SQLException;
    }

    private interface Loader {
        void load(Rows rows, List<ImportError> errors) throws SQLException;
    }

    private <R> ImportResult stageAndMerge(StoreDatabase store, StagedTable<R> table, Loader loader) {
        String importId = UUID.randomUUID().toString();
        List<ImportError> errors = new ArrayList<>();
        long started = System.nanoTime();
        String staging = table.stagingTable();
        boolean privateStaging = store.dialect() == Dialect.POSTGRESQL;
        if (privateStaging) {
            // a table of this transaction only, in front of the shared one (temporary tables come first in the
            // search path): dropped at commit or rollback, so no clean-up and no other import's rows to skip. Being
            // new, it needs no ANALYZE: with no statistics the planner counts its rows from its size on disk (the
            // shared table's statistics, taken when it held some other import, made it join a million staged rows
            // as if they were a few)
            store.jdbc().execute("CREATE TEMPORARY TABLE " + staging + " (LIKE " + staging
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        int idColumn = table.stagingColumns().indexOf(table.idColumn());
        StagedIds ids = new StagedIds(IDS_IN_MEMORY);
        try (StagingSink sink = StagingSink.open(store, table, importId, batchSize)) {
            loader.load((line, values) -> {
                ids.add(String.valueOf(values[idColumn]));
                sink.add(line, values);
            }, errors);
            sink.finish();
        } catch (SQLException e) {
            throw new UncategorizedSQLException("staging " + staging, null, e);
        }
        long staged = System.nanoTime();
        if (ids.mayHaveDuplicates()) {
            errors.addAll(duplicates(store, table, importId));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(ImportError::line));
            boolean truncated = errors.size() > maxErrors;
            throw new ImportRejectedException(errors.subList(0, Math.min(errors.size(), maxErrors)), truncated);
        }
        ImportLock.acquire(store, lockTimeoutMillis);
        long checked = System.nanoTime();
        String id = table.idColumn();
        long existing = store.jdbc().queryForObject("SELECT COUNT(*) FROM " + staging + " s WHERE s.import_id = ?"
                        + " AND EXISTS (SELECT 1 FROM " + table.storeTables().get(0) + " x WHERE x." + id + " = s." + id + ")",
                Long.class, importId);
        long inserted = ids.count() - existing;
        long updated = existing == 0 ? 0 : table.countChanged(store.jdbc(), importId);
        long counted = System.nanoTime();
        if (store.dialect() == Dialect.POSTGRESQL && inserted >= bulkLoadMinRows
                && EmptyStoreBulkLoad.lockIfEmpty(store.jdbc(), table.storeTables())) {
            EmptyStoreBulkLoad.withoutIndexes(store.jdbc(), table.storeTables(),
                    () -> store.bulkLoad(() -> table.merge(store.jdbc(), importId, false, false)));
        } else {
            table.merge(store.jdbc(), importId, existing > 0, updated > 0);
        }
        long merged = System.nanoTime();
        if (!privateStaging) {
            store.jdbc().update("DELETE FROM " + staging + " WHERE import_id = ?", importId);
        }
        log.info("Import phases into {}: read, check and stage {} ms; duplicates and lock {} ms; counts {} ms; "
                        + "merge {} ms; clean-up {} ms", staging, (staged - started) / 1_000_000,
                (checked - staged) / 1_000_000, (counted - checked) / 1_000_000,
                (merged - counted) / 1_000_000, (System.nanoTime() - merged) / 1_000_000);
        return new ImportResult(inserted, updated);
    }

    private List<ImportError> duplicates(StoreDatabase store, StagedTable<?> table, String importId) {
        String id = table.idColumn();
        String sql = """
                SELECT s.line_no, s.%1$s, d.first_line
                FROM %2$s s
                JOIN (SELECT %1$s, MIN(line_no) AS first_line FROM %2$s WHERE import_id = ?
                      GROUP BY %1$s HAVING COUNT(*) > 1) d ON d.%1$s = s.%1$s
                WHERE s.import_id = ? AND s.line_no > d.first_line
                ORDER BY s.line_no
                FETCH FIRST %3$d ROWS ONLY
                """.formatted(id, table.stagingTable(), maxErrors + 1);
        return store.jdbc().query(sql, (rs, n) -> new ImportError(rs.getLong(1), id,
                "'" + rs.getString(2) + "' appears more than once in the file (first on line " + rs.getLong(3) + ")"),
                importId, importId);
    }

    private static Reader utf8Reader(InputStream input) {
        return new InputStreamReader(new Utf8CheckingInputStream(input), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}

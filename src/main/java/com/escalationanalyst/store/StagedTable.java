package com.escalationanalyst.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store table that is loaded through a staging table: rows go into the staging table under an
 * import id, then one set-based merge moves them into the store.
 */
public interface StagedTable<R> {

    /** What the rows are, for messages ("tickets"). */
    String rowName();

    String stagingTable();

    /** The staging table's data columns, after {@code import_id, line_no}. */
    List<String> stagingColumns();

    /** java.sql.Types of {@link #stagingColumns()}, for nulls. */
    int[] stagingTypes();

    String idColumn();

    /** The store tables {@link #merge} writes: first the one keyed by {@link #idColumn()}, then those referring to it. */
    List<String> storeTables();

    /** Values in the order of {@link #stagingColumns()}. */
    Object[] values(R row);


    /** Rows of this import whose id the store has, with different content. */
    long countChanged(JdbcTemplate jdbc, String importId);

    /**
     * Updates changed rows and inserts new ones in the file's order from the staging table. What the counts
     * found spares look-ups: with no staged id in the store every staged row is new, and with no changed row
     * nothing is updated.
     */
    void merge(JdbcTemplate jdbc, String importId, boolean anyExisting, boolean anyChanged);
}

package com.escalationanalyst.dataimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large first load into empty PostgreSQL tables, the way a database restore does it: inside the
 * importing transaction the tables' indexes, keys and foreign keys are set aside, the rows are
 * written, and then everything is built again from the definitions the catalog held, each index
 * sorted once instead of growing entry by entry and each foreign key checked by one join instead of
 * one look-up per row. The tables are locked for the rest of the transaction; being empty, nobody
 * loses a reading. Any failure rolls the definitions back with the rows (PostgreSQL's DDL is
 * transactional), so the schema is never left without them.
 */
final class EmptyStoreBulkLoad {

    private static final Logger log = LoggerFactory.getLogger(EmptyStoreBulkLoad.class);

    /** Memory for each index build of the load (PostgreSQL's default is 64 MB). */
    static final String MAINTENANCE_WORK_MEM = "256MB";

    private record Definition(String table, String name, String sql) {
    }

    private EmptyStoreBulkLoad() {
    }

    /**
     * Locks the tables and tells whether they are all empty; call inside the importing transaction. When
     * they are not, the lock is simply held to the end of it.
     */
    static boolean lockIfEmpty(JdbcTemplate jdbc, List<String> tables) {
        for (String table : tables) {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + ")", Boolean.class))) {
                return false;
            }
        }
        jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
        // checked again under the lock: another import may have committed rows in between
        for (String table : tables) {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + ")", Boolean.class))) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code load} with the tables' indexes, keys and foreign keys set aside, then builds them again. */
    static void withoutIndexes(JdbcTemplate jdbc, List<String> tables, Runnable load) {
        String[] names = tables.toArray(String[]::new);
        // foreign keys on the tables or pointing at them (they depend on the keys), then keys and unique constraints
        List<Definition> foreignKeys = definitions(jdbc, """
                SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS sql
                FROM pg_constraint c
                WHERE c.contype = 'f'
                  AND (c.conrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t)
                       OR c.confrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t))
                ORDER BY 1, 2
                """, (Object) names, names);
        List<Definition> keys = definitions(jdbc, """
                SELECT c.conrelid::regclass::text AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS sql
                FROM pg_constraint c
                WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t)
                ORDER BY 1, 2
                """, (Object) names);
        List<Definition> indexes = definitions(jdbc, """
                SELECT i.indrelid::regclass::text AS table_name, i.indexrelid::regclass::text AS name,
                       pg_get_indexdef(i.indexrelid) AS sql
                FROM pg_index i
                WHERE i.indrelid = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY 1, 2
                """, (Object) names);

        long started = System.nanoTime();
        for (Definition fk : foreignKeys) {
            jdbc.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + quote(fk.name()));
        }
        for (Definition key : keys) {
            jdbc.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quote(key.name()));
        }
        for (Definition index : indexes) {
            jdbc.execute("DROP INDEX " + index.name());
        }
        load.run();
        long loaded = System.nanoTime();
        jdbc.execute("SET LOCAL maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
        for (Definition key : keys) {
            jdbc.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + quote(key.name()) + " " + key.sql());
        }
        for (Definition index : indexes) {
            jdbc.execute(index.sql());
        }
        for (Definition fk : foreignKeys) {
            jdbc.execute("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + quote(fk.name()) + " " + fk.sql());
        }
        for (String table : tables) {
            jdbc.execute("ANALYZE " + table);
        }
        log.info("Bulk load into empty {}: rows {} ms; {} keys, {} indexes and {} foreign keys built again in {} ms",
                tables, (loaded - started) / 1_000_000, keys.size(), indexes.size(), foreignKeys.size(),
                (System.nanoTime() - loaded) / 1_000_000);
    }

    private static List<Definition> definitions(JdbcTemplate jdbc, String sql, Object... args) {
        List<Definition> result = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(sql, args)) {
            result.add(new Definition((String) row.get("table_name"), (String) row.get("name"), (String) row.get("sql")));
        }
        return result;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package com.escalationanalyst.store;

import java.util.List;
import java.util.stream.Collectors;

/** Column-list fragments for the MERGE statements that move staged rows into a store (alias s = staging). */
public final class MergeSql {

    private MergeSql() {
    }

    /** {@code t.a IS DISTINCT FROM s.a OR ...}: the row would change. */
    public static String changed(String target, List<String> columns) {
        return columns.stream().map(c -> target + "." + c + " IS DISTINCT FROM s." + c)
                .collect(Collectors.joining(" OR "));
    }

    /** {@code a = s.a, ...} */
    public static String assignments(List<String> columns) {
        return columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "));
    }

    /**
     * Inserts the staged rows whose id the target does not have, in the file's order: index entries then
     * go in as the file lists them (close together when it is sorted by time or id) instead of in the
     * order a join happens to produce, which scatters them over indexes larger than the buffer cache.
     * {@code anyExisting} false: none of the staged ids is in the target, the look-up is left out.
     */
    public static String insertNew(String target, String staging, String id, List<String> columns, String condition,
                                   boolean anyExisting) {
        return """
                INSERT INTO %1$s (%3$s, %4$s)
                SELECT s.%3$s, %5$s
                FROM %2$s s
                WHERE s.import_id = ?%6$s%7$s
                ORDER BY s.line_no
                """.formatted(target, staging, id, String.join(", ", columns), staged(columns),
                condition.isEmpty() ? "" : " AND " + condition,
                anyExisting ? "\n  AND NOT EXISTS (SELECT 1 FROM %1$s x WHERE x.%2$s = s.%2$s)".formatted(target, id) : "");
    }

    /** Updates the target's rows whose staged row differs (a MERGE with no insert: H2 has no UPDATE ... FROM). */
    public static String updateChanged(String target, String staging, String id, List<String> columns,
                                       String condition) {
        return """
                MERGE INTO %1$s t
                USING (SELECT * FROM %2$s WHERE import_id = ?%6$s) s
                ON t.%3$s = s.%3$s
                WHEN MATCHED AND (%4$s) THEN UPDATE SET %5$s
                """.formatted(target, staging, id, changed("t", columns), assignments(columns),
                condition.isEmpty() ? "" : " AND " + condition);
    }

    /** {@code s.a, ...} */
    public static String staged(List<String> columns) {
        return columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
    }
}

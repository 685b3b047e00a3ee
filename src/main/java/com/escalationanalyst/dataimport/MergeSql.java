package com.escalationanalyst.dataimport;

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

    /** {@code s.a, ...} */
    public static String staged(List<String> columns) {
        return columns.stream().map(c -> "s." + c).collect(Collectors.joining(", "));
    }
}

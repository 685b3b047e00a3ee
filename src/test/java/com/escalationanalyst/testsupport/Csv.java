package com.escalationanalyst.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds CSV files for tests: a header and rows of named values, quoted the RFC 4180 way. */
public final class Csv {

    private final List<String> header;
    private final List<Map<String, String>> rows = new ArrayList<>();

    public Csv(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; values not given are empty. Returns the row for later changes. */
    public Map<String, String> row(String... namesAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!header.contains(namesAndValues[i])) {
                throw new IllegalArgumentException("no column " + namesAndValues[i]);
            }
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        rows.add(row);
        return row;
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : header) {
                fields.add(quote(row.getOrDefault(column, "")));
            }
            out.append(String.join(",", fields)).append('\n');
        }
        return out.toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    public static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

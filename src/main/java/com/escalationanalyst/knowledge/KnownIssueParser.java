package com.escalationanalyst.knowledge;

import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.csv.CsvReader;
import com.escalationanalyst.csv.CsvSyntaxException;
import com.escalationanalyst.knowledge.KnowledgeSpace.DocumentType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Known issues from YAML or JSON (a list of objects with the fields of docs/knowledge.md, "Document formats"), from CSV with
 * those field names as columns, or from a Jira CSV export (Issue key, Summary, Component/s, Status,
 * Description, Custom field (Workaround), Fix Version/s). Every problem is collected.
 */
final class KnownIssueParser {

    static final List<String> FIELDS = List.of("id", "title", "product_area", "status", "symptoms", "workaround",
            "planned_fix");

    /** Jira column → our field; the first non-empty of repeated columns wins. */
    private static final Map<String, String> JIRA_COLUMNS = Map.of(
            "issue key", "id",
            "summary", "title",
            "component/s", "product_area",
            "status", "status",
            "description", "symptoms",
            "custom field (workaround)", "workaround",
            "workaround", "workaround",
            "fix version/s", "planned_fix");

    private static final Map<String, String> JIRA_STATUSES = Map.ofEntries(
            Map.entry("open", "open"), Map.entry("to do", "open"), Map.entry("backlog", "open"),
            Map.entry("new", "open"), Map.entry("reopened", "open"),
            Map.entry("in progress", "fix_planned"), Map.entry("selected for development", "fix_planned"),
            Map.entry("planned", "fix_planned"), Map.entry("in review", "fix_planned"),
            Map.entry("done", "fixed"), Map.entry("resolved", "fixed"), Map.entry("closed", "fixed"),
            Map.entry("fixed", "fixed"),
            Map.entry("won't do", "wont_fix"), Map.entry("won't fix", "wont_fix"), Map.entry("declined", "wont_fix"));

    /** Jira exports of every field run to a few hundred columns, more than the import's default allows. */
    private static final int MAX_CSV_COLUMNS = 2_000;

    /**
     * A known-issue file nests 2 levels (array, issue). Jackson's own default (1000) lets through documents
     * far deeper than any file needs, and its refusal of one deeper still came without a location (which
     * ended as a 500 here); this limit is stated, and refused with a reason of its own.
     */
    static final int MAX_JSON_NESTING = 50;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING).build())
            .build());

    private KnownIssueParser() {
    }

    static List<KnownIssue> parse(DocumentType type, String content, int maxRows) {
        List<String> reasons = new ArrayList<>();
        List<Map<String, Object>> records = switch (type) {
            case YAML -> fromTree(KnowledgeYaml.load(content), reasons);
            case JSON -> fromTree(loadJson(content), reasons);
            case CSV -> fromCsv(content, reasons);
            case MARKDOWN -> throw new KnowledgeValidationException(ProblemType.UNSUPPORTED_MEDIA_TYPE, List.of("known issues cannot be Markdown"));
        };
        if (records.size() > maxRows) {
            throw new KnowledgeValidationException(ProblemType.TOO_LARGE, List.of("the document lists " + records.size()
                    + " known issues; at most " + maxRows + " are allowed per document"));
        }
        if (records.isEmpty() && reasons.isEmpty()) {
            reasons.add("the document lists no known issues");
        }
        List<KnownIssue> issues = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            KnownIssue issue = validate(records.get(i), "issue " + (i + 1), reasons);
            if (issue != null && !ids.add(issue.id())) {
                reasons.add("issue " + (i + 1) + " (" + issue.id() + "): the id appears more than once");
            } else if (issue != null) {
                issues.add(issue);
            }
        }
        if (!reasons.isEmpty()) {
            throw new KnowledgeValidationException(reasons);
        }
        return issues;
    }

    private static KnownIssue validate(Map<String, Object> record, String where, List<String> reasons) {
        Map<String, String> f = new HashMap<>();
        List<String> notText = new ArrayList<>();
        record.forEach((key, value) -> {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                // never printed: the text of a nested structure is not a field value, and can be huge
                notText.add(key);
            } else {
                f.put(key, value == null ? null : value.toString().trim());
            }
        });
        String id = f.get("id");
        if (id != null && !id.isEmpty()) {
            where += " (" + id + ")";
        }
        int before = reasons.size();
        for (String key : notText) {
            reasons.add(where + ": " + key + " must be a text, not a list or an object");
        }
        if (!notText.isEmpty()) {
            return null;
        }
        if (id == null || id.isEmpty()) {
            reasons.add(where + ": id is required");
        } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            reasons.add(where + ": id '" + id + "' may only hold letters, digits, '.', '_' and '-' (at most 64)");
        }
        for (String required : List.of("title", "product_area")) {
            if (f.get(required) == null || f.get(required).isEmpty()) {
                reasons.add(where + ": " + required + " is required");
            }
        }
        String status = f.get("status");
        if (status == null || !KnownIssue.STATUSES.contains(status)) {
            reasons.add(where + ": status '" + status + "' is not one of " + String.join(", ", KnownIssue.STATUSES));
        }
        if (reasons.size() > before) {
            return null;
        }
        return new KnownIssue(id, f.get("title"), f.get("product_area"), status, f.get("symptoms"),
                f.get("workaround"), f.get("planned_fix"));
    }

    private static Object loadJson(String content) {
        try {
            return JSON.readValue(content, Object.class);
        } catch (StreamConstraintsException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Document nesting depth")) {
                throw new KnowledgeValidationException(List.of("the JSON is nested more than " + MAX_JSON_NESTING
                        + " levels deep; known issues need 2"));
            }
            throw new KnowledgeValidationException(List.of("not valid JSON: " + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            // a refusal of Jackson's limits may come without a location
            throw new KnowledgeValidationException(List.of("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fromTree(Object tree, List<String> reasons) {
        if (!(tree instanceof List<?> list)) {
            throw new KnowledgeValidationException(List.of("known issues must be a list of objects with the fields "
                    + String.join(", ", FIELDS)));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                Map<String, Object> record = new LinkedHashMap<>();
                ((Map<Object, Object>) map).forEach((k, v) -> record.put(String.valueOf(k), v));
                for (String key : record.keySet()) {
                    if (!FIELDS.contains(key)) {
                        reasons.add("issue " + (i + 1) + ": unknown field '" + key + "'; the fields are "
                                + String.join(", ", FIELDS));
                    }
                }
                records.add(record);
            } else {
                reasons.add("issue " + (i + 1) + ": must be an object");
            }
        }
        return records;
    }

    private static List<Map<String, Object>> fromCsv(String content, List<String> reasons) {
        List<Map<String, Object>> records = new ArrayList<>();
        // the document is in memory already, bounded by the upload limit: its own length caps fields and records
        int length = Math.max(1, content.length());
        try (CsvReader csv = new CsvReader(new StringReader(content), MAX_CSV_COLUMNS, length, length)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new KnowledgeValidationException(List.of("the CSV file is empty"));
            }
            boolean jira = header.stream().anyMatch(h -> h.trim().equalsIgnoreCase("issue key"));
            List<String> fields = new ArrayList<>();
            for (String column : header) {
                String name = column.trim();
                String field = jira ? JIRA_COLUMNS.get(name.toLowerCase(Locale.ROOT)) : name;
                if (!jira && !FIELDS.contains(name)) {
                    reasons.add("line 1: unknown column '" + name + "'; the columns are " + String.join(", ", FIELDS)
                            + " (or a Jira export with Issue key, Summary, Component/s, Status)");
                }
                fields.add(field);
            }
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() != header.size()) {
                    reasons.add("line " + csv.recordLine() + ": has " + row.size() + " fields; the header has "
                            + header.size());
                    continue;
                }
                Map<String, Object> record = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    String field = fields.get(i);
                    if (field != null && !row.get(i).isBlank() && !record.containsKey(field)) {
                        record.put(field, row.get(i));
                    }
                }
                if (jira && record.get("status") instanceof String status) {
                    // an unmapped Jira status stays as it is and is refused by validate()
                    record.put("status", JIRA_STATUSES.getOrDefault(status.trim().toLowerCase(Locale.ROOT), status));
                }
                records.add(record);
            }
        } catch (CsvSyntaxException e) {
            throw new KnowledgeValidationException(List.of("line " + e.line() + ": " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}

package com.escalationanalyst.archive;

import com.escalationanalyst.analysis.DrillDownLinks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The analyses archive in the browser: {@code /analyses} lists the kept runs, {@code /analyses/{id}} shows one. */
@Controller
class AnalysesPages {

    /** The review table's columns per skill: key in the kept rows → heading (as the review forms name them). */
    private static final Map<String, Map<String, String>> COLUMNS = Map.of(
            ArchivedRun.PATTERNS, columns("rootCause", "Root cause", "count", "Escalations",
                    "percentOfEscalations", "% of escalations", "avgResolutionHours", "Avg. resolution",
                    "unresolved", "Unresolved", "topAreaAndTeam", "Top product area / team",
                    "knownIssues", "Known issues (tickets)", "recommendedAction", "Recommended action"),
            ArchivedRun.SEGMENTS, columns("value", "Value", "totalTickets", "Tickets", "escalatedTickets", "Escalated",
                    "escalationRate", "Rate", "ci95", "95 % interval", "deviationPts", "Deviation (pts)",
                    "pValue", "p-value", "flag", "Flag"),
            ArchivedRun.SLA_ATTAINMENT, columns("target", "Target", "dimension", "By", "value", "Value", "met", "Met",
                    "breached", "Breached", "running", "Running", "attainment", "Attainment"));

    /** A table as the page prints it; a part of a cell with a link leads to the tickets behind its number. */
    record Table(List<String> headings, List<List<Cell>> rows) {
    }

    record Cell(List<Part> parts) {

        static Cell of(String text, String link) {
            return new Cell(List.of(new Part(text, link)));
        }
    }

    record Part(String text, String link) {
    }

    private final AnalysisArchive archive;
    private final RunQueries queries;
    private final ObjectMapper json = new ObjectMapper();

    AnalysesPages(AnalysisArchive archive, RunQueries queries) {
        this.archive = archive;
        this.queries = queries;
    }

    @GetMapping("/analyses")
    String list(@RequestParam(required = false) String skill, @RequestParam(required = false) String user,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String page, Model model) {
        RunQuery query = queries.of(skill, user, from, to, page, null);
        AnalysisArchive.Page found = archive.list(query);
        model.addAttribute("runs", found.runs());
        model.addAttribute("total", found.total());
        model.addAttribute("page", query.page());
        model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / query.size()));
        model.addAttribute("skill", skill == null ? "" : skill);
        model.addAttribute("user", user == null ? "" : user);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        return "analyses";
    }

    @GetMapping("/analyses/{id}")
    String run(@PathVariable String id, Model model) throws Exception {
        ArchivedRun run = archive.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no analysis " + id));
        model.addAttribute("run", run);
        JsonNode result = json.readTree(run.result());
        model.addAttribute("headline", headline(result));
        model.addAttribute("candidates", candidates(run, result));
        model.addAttribute("table", run.summary() == null ? null
                : table(run.skill(), json.readTree(run.summary()), result, json.readTree(run.inputs())));
        return "analysis";
    }

    /**
     * The run's chart, drawn from its kept answer when asked for (no run pays for a picture nobody opens): the
     * root causes' escalations as bars, the groups' rates as a forest plot.
     */
    @GetMapping("/analyses/{id}/chart.png")
    ResponseEntity<byte[]> chart(@PathVariable String id) throws Exception {
        ArchivedRun run = archive.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no analysis " + id));
        byte[] png = ArchiveAnalysisDelegate.chart(run).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "a " + run.skill() + " run has no chart"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400").body(png);
    }

    /** "12,345 tickets, 678 escalated (5.49 %)"; the segment comparison names its rate the overall rate. */
    static String headline(JsonNode result) {
        JsonNode rate = result.has("overallRate") ? result.get("overallRate") : result.path("escalationRate");
        if (!result.hasNonNull("totalTickets")) {
            return "";
        }
        return String.format(Locale.ENGLISH, "%,d tickets, %,d escalated (%s)%s", result.get("totalTickets").asLong(),
                result.path("escalatedTickets").asLong(), rate.isNumber()
                        ? String.format(Locale.ROOT, "%.2f %%", rate.asDouble()) : "no tickets",
                result.has("overallRate") ? ": the overall rate the groups are measured against" : "");
    }

    private static Table table(String skill, JsonNode rows, JsonNode result, JsonNode inputs) {
        Map<String, String> columns = COLUMNS.get(skill);
        if (columns == null) {
            return null;
        }
        Map<String, String> base = new LinkedHashMap<>();
        base.put("periodFrom", result.at("/period/from").asText(null));
        base.put("periodTo", result.at("/period/to").asText(null));
        for (String filter : new String[] {"productArea", "segment", "tier", "region"}) {
            base.put(filter, inputs.path(filter).asText(null));
        }
        List<List<Cell>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<Cell> line = new ArrayList<>();
            for (String key : columns.keySet()) {
                if (skill.equals(ArchivedRun.PATTERNS) && key.equals("knownIssues")) {
                    // the kept table's rows are the answer's, in the same order
                    line.add(knownIssues(result.get("rows").get(i), base));
                } else if (skill.equals(ArchivedRun.PATTERNS) && key.equals("topAreaAndTeam")
                        && result.get("rows").get(i).hasNonNull("topProductArea") && base.get("productArea") == null) {
                    // the root cause's escalations in its top product area
                    JsonNode answerRow = result.get("rows").get(i);
                    Map<String, String> parameters = new LinkedHashMap<>(base);
                    parameters.put("rootCause", answerRow.get("rootCause").asText());
                    parameters.put("productArea", answerRow.get("topProductArea").asText());
                    line.add(Cell.of(row.path(key).asText(""), DrillDownLinks.tickets(parameters)));
                } else {
                    line.add(Cell.of(row.path(key).asText(""), drillDown(skill, key, row, result, base)));
                }
            }
            cells.add(line);
        }
        return new Table(List.copyOf(columns.values()), cells);
    }

    /**
     * The tickets behind a cell: a root cause's escalations (its name and count), a group's tickets or its
     * escalated ones; null for cells that are not counts of tickets, and for combined groups (segment × tier).
     */
    static String drillDown(String skill, String key, JsonNode row, JsonNode result, Map<String, String> base) {
        Map<String, String> parameters = new LinkedHashMap<>(base);
        if (skill.equals(ArchivedRun.PATTERNS) && (key.equals("rootCause") || key.equals("count"))) {
            parameters.put("rootCause", row.path("rootCause").asText().replace(' ', '_'));
        } else if (skill.equals(ArchivedRun.SEGMENTS) && (key.equals("totalTickets") || key.equals("escalatedTickets"))) {
            String dimension = result.path("dimension").asText();
            String value = row.path("value").asText().replace("▲ ", "");
            if (!List.of("segment", "tier", "region").contains(dimension) || value.equals("unknown")
                    || value.equals("(none)")) {
                return null;
            }
            parameters.put(dimension, value);
            if (key.equals("escalatedTickets")) {
                parameters.put("escalated", "true");
            }
        } else if (skill.equals(ArchivedRun.SLA_ATTAINMENT) && key.equals("breached") && row.path("dimension").asText().equals("all")
                && row.path("breached").asLong() > 0) {
            parameters.put("run", result.path("processInstanceId").asText());
            parameters.put("slaBreached", row.path("target").asText().replace(' ', '_'));
        } else {
            return null;
        }
        return DrillDownLinks.tickets(parameters);
    }

    /** A patterns run's candidate new known issues, each leading to all of its tickets. */
    static List<Part> candidates(ArchivedRun run, JsonNode result) {
        List<Part> candidates = new ArrayList<>();
        JsonNode clusters = result.path("clusters");
        for (int i = 0; i < clusters.size(); i++) {
            JsonNode cluster = clusters.get(i);
            candidates.add(new Part(cluster.get("label").asText() + " (" + cluster.get("productArea").asText() + ", "
                    + cluster.get("tickets").asLong() + " tickets)", DrillDownLinks.cluster(
                    result.at("/period/from").asText(), result.at("/period/to").asText(), run.id(), i)));
        }
        return candidates;
    }

    /** "KI-318 (42), KI-305 (7) and 2 more": each issue's count leads to its tickets under that root cause. */
    static Cell knownIssues(JsonNode answerRow, Map<String, String> base) {
        JsonNode issues = answerRow.path("knownIssues");
        if (issues.isEmpty()) {
            return Cell.of("none", null);
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, issues.size()); i++) {
            Map<String, String> parameters = new LinkedHashMap<>(base);
            parameters.put("rootCause", answerRow.get("rootCause").asText());
            parameters.put("knownIssue", issues.get(i).get("id").asText());
            if (i > 0) {
                parts.add(new Part(", ", null));
            }
            parts.add(new Part(issues.get(i).get("id").asText() + " (" + issues.get(i).get("tickets").asLong() + ")",
                    DrillDownLinks.tickets(parameters)));
        }
        if (issues.size() > 3) {
            parts.add(new Part(" and " + (issues.size() - 3) + " more", null));
        }
        return new Cell(parts);
    }

    private static Map<String, String> columns(String... keysAndHeadings) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < keysAndHeadings.length; i += 2) {
            columns.put(keysAndHeadings[i], keysAndHeadings[i + 1]);
        }
        return columns;
    }
}

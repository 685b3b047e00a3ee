package com.escalationanalyst.archive;

import com.escalationanalyst.api.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analyses} (newest first; filters skill, user, from, to as dates in the business time zone, both
 * included; page from 0, size up to 200) and {@code GET /api/analyses/{id}} (the run with its inputs and answer).
 */
@RestController
class AnalysesController {

    private final AnalysisArchive archive;
    private final RunQueries queries;
    private final ObjectMapper json = new ObjectMapper();

    AnalysesController(AnalysisArchive archive, RunQueries queries) {
        this.archive = archive;
        this.queries = queries;
    }

    @GetMapping("/api/analyses")
    ObjectNode list(@RequestParam(required = false) String skill, @RequestParam(required = false) String user,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        RunQuery query = queries.of(skill, user, from, to, page, size);
        AnalysisArchive.Page found = archive.list(query);
        ObjectNode answer = json.createObjectNode();
        ArrayNode runs = answer.putArray("runs");
        for (ArchivedRun run : found.runs()) {
            runs.add(summary(run));
        }
        answer.put("page", query.page());
        answer.put("size", query.size());
        answer.put("total", found.total());
        return answer;
    }

    @GetMapping("/api/analyses/{id}")
    ObjectNode run(@PathVariable String id) throws Exception {
        ArchivedRun run = archive.find(id)
                .orElseThrow(() -> new NotFoundException("no analysis " + id));
        ObjectNode answer = summary(run);
        answer.set("inputs", json.readTree(run.inputs()));
        JsonNode result = json.readTree(run.result());
        answer.set("result", result);
        return answer;
    }

    private ObjectNode summary(ArchivedRun run) {
        ObjectNode node = json.createObjectNode();
        node.put("id", run.id());
        node.put("skill", run.skill());
        node.put("title", run.title());
        node.put("startedBy", run.startedBy());
        node.put("source", run.source());
        node.put("createdAt", run.createdAt().toString());
        node.put("processInstanceId", run.id());
        node.put("page", run.page());
        if (run.reportId() != null) {
            node.put("report", "/reports/" + run.reportId());
        }
        return node;
    }
}

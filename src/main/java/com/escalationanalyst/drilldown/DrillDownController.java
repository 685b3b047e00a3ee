package com.escalationanalyst.drilldown;

import com.escalationanalyst.analysis.RequestNumbers;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/tickets}: a page of the tickets behind a number, with their total; {@code GET /api/tickets.csv}:
 * all of them as CSV, streamed (no row limit). Parameters: see {@link TicketSelections#PARAMETERS}; page from 0,
 * size up to {@value #MAX_SIZE}.
 */
@RestController
class DrillDownController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    static final int MAX_PAGE = 1_000_000;

    private final TicketSelections selections;
    private final TicketRows rows;
    private final KnowledgeService knowledge;
    private final ObjectMapper json = new ObjectMapper();

    DrillDownController(TicketSelections selections, TicketRows rows, KnowledgeService knowledge) {
        this.selections = selections;
        this.rows = rows;
        this.knowledge = knowledge;
    }

    @GetMapping("/api/tickets")
    ObjectNode page(@RequestParam Map<String, String> parameters) {
        int page = RequestNumbers.wholeNumber("page", parameters.get("page"), 0, 0, MAX_PAGE);
        int size = RequestNumbers.wholeNumber("size", parameters.get("size"), DEFAULT_SIZE, 1, MAX_SIZE);
        TicketSelection selection = selections.of(withoutPaging(parameters));
        ReasonCodeMap codes = knowledge.current().reasonCodes();
        ObjectNode answer = json.createObjectNode();
        answer.put("total", rows.count(selection));
        answer.put("page", page);
        answer.put("size", size);
        answer.put("sort", selection.sort().parameter());
        ArrayNode tickets = answer.putArray("tickets");
        for (TicketLine line : rows.page(selection, page, size, codes::rootCauseOf)) {
            ObjectNode t = tickets.addObject();
            t.put("ticketId", line.ticketId());
            t.put("createdAt", line.createdAt() == null ? null : line.createdAt().toString());
            t.put("status", line.status());
            t.put("priority", line.priority());
            t.put("channel", line.channel());
            t.put("productArea", line.productArea());
            t.put("accountId", line.accountId());
            t.put("team", line.team());
            t.put("subject", line.subject());
            t.put("escalated", line.escalated());
            t.put("escalatedAt", line.escalatedAt() == null ? null : line.escalatedAt().toString());
            t.put("escalationReasonCode", line.reasonCode());
            t.put("rootCause", line.rootCause());
            t.put("resolutionType", line.resolutionType());
            t.put("resolvedAt", line.resolvedAt() == null ? null : line.resolvedAt().toString());
        }
        return answer;
    }

    @GetMapping("/api/tickets.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam Map<String, String> parameters) {
        TicketSelection selection = selections.of(parameters);
        ReasonCodeMap codes = knowledge.current().reasonCodes();
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(TicketCsv.HEADER);
            writer.write("\r\n");
            rows.stream(selection, codes::rootCauseOf, line -> {
                try {
                    TicketCsv.write(writer, line);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tickets.csv\"")
                .body(body);
    }

    static Map<String, String> withoutPaging(Map<String, String> parameters) {
        Map<String, String> rest = new HashMap<>(parameters);
        rest.remove("page");
        rest.remove("size");
        return rest;
    }
}

package com.escalationanalyst.report;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.api.NotFoundException;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.report.StoredReport.Summary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/monthly} runs MonthlyEscalationReportProcess for a month (the e-mail follows
 * asynchronously); {@code GET /api/reports} and {@code GET /api/reports/{id}} read the archive (a report with
 * its recipients, those that received it and those that were refused, with the reason).
 */
@RestController
class MonthlyReportController {

    private static final Set<String> FIELDS = Set.of(ReportVariables.MONTH, ReportVariables.AGENT_COST_PER_HOUR,
            ReportVariables.SEND, ReportVariables.FORCE);

    private final RuntimeService runtimeService;
    private final ReportArchive archive;

    MonthlyReportController(RuntimeService runtimeService, ReportArchive archive) {
        this.runtimeService = runtimeService;
        this.archive = archive;
    }

    @PostMapping("/api/reports/monthly")
    ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) JsonNode body) {
        Map<String, Object> variables = variables(body);
        variables.put(ReportVariables.TRIGGER, ReportVariables.TRIGGER_API);
        ProcessInstanceWithVariables instance = runtimeService
                .createProcessInstanceByKey(ProcessIds.MONTHLY_ESCALATION_REPORT)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reportId", instance.getVariables().get(ReportVariables.REPORT_ID));
        answer.put("processInstanceId", instance.getId());
        answer.put("subject", instance.getVariables().get(ReportVariables.SUBJECT));
        answer.put("month", instance.getVariables().get(ReportVariables.REPORT_MONTH));
        answer.put("send", instance.getVariables().get(ReportVariables.SEND));
        if (instance.getVariables().get(ReportVariables.REPORT_ID) == null
                && Boolean.FALSE.equals(instance.getVariables().get(ReportVariables.DATA_COMPLETE))) {
            // held until the data is complete: an incident in Cockpit says the same
            List<String> reasons = new ArrayList<>();
            JsonVariables.tree(instance.getVariables().get(ReportVariables.FRESHNESS), ReportVariables.FRESHNESS)
                    .get("reasons").forEach(r -> reasons.add(r.asText()));
            answer.put("held", true);
            answer.put("heldBecause", reasons);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/api/reports")
    List<Summary> list() {
        return archive.list();
    }

    @GetMapping("/api/reports/{reportId}")
    ResponseEntity<Object> report(@PathVariable String reportId) throws JsonProcessingException {
        Optional<StoredReport> found = archive.find(reportId);
        if (found.isEmpty()) {
            throw new NotFoundException("no report " + reportId);
        }
        StoredReport report = found.get();
        ObjectNode answer = JsonVariables.mapper().createObjectNode();
        answer.put("reportId", report.reportId());
        answer.put("processInstanceId", report.processInstanceId());
        answer.put("month", report.month());
        answer.put("timeZone", report.timeZone());
        answer.put("trigger", report.trigger());
        answer.put("subject", report.subject());
        answer.put("createdAt", report.createdAt().toString());
        answer.put("sendRequested", report.sendRequested());
        answer.put("sentAt", report.sentAt() == null ? null : report.sentAt().toString());
        answer.set("recipients", JsonVariables.mapper().valueToTree(report.recipients()));
        answer.set("deliveries", JsonVariables.mapper().valueToTree(archive.deliveries(reportId)));
        List<StoredReport.Refusal> refused = new ArrayList<>(report.refusedRecipients());
        refused.addAll(archive.refusals(reportId));
        answer.set("refusedRecipients", JsonVariables.mapper().valueToTree(refused));
        answer.set("numbers", JsonVariables.mapper().readTree(report.numbers()));
        return ResponseEntity.ok(answer);
    }

    /**
     * The body's fields as the process's start variables. Only what a process variable could not say is refused here
     * (not an object, an unknown field, a month that is not a string, a cost that is not a number); the values are
     * checked once, by "Resolve report month", as the process starts.
     */
    private static Map<String, Object> variables(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = JsonVariables.mapper().createObjectNode();
        }
        if (!body.isObject()) {
            throw new AnalysisRequestException("body", "must be a JSON object");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new AnalysisRequestException(field, "unknown field; the fields are agentCostPerHour, force, month, send");
            }
        }
        JsonNode month = body.path(ReportVariables.MONTH);
        if (!month.isMissingNode() && !month.isNull() && !month.isTextual()) {
            throw new AnalysisRequestException(ReportVariables.MONTH, "must be a string (YYYY-MM)");
        }
        JsonNode cost = body.path(ReportVariables.AGENT_COST_PER_HOUR);
        if (!cost.isMissingNode() && !cost.isNull() && !cost.isNumber()) {
            throw new AnalysisRequestException(ReportVariables.AGENT_COST_PER_HOUR, "must be a number");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportVariables.MONTH, text(month));
        // as text, so that the process reads the number the client wrote (no binary rounding on the way)
        variables.put(ReportVariables.AGENT_COST_PER_HOUR, cost.isNumber() ? cost.decimalValue().toPlainString() : null);
        variables.put(ReportVariables.SEND, flag(body, ReportVariables.SEND));
        variables.put(ReportVariables.FORCE, flag(body, ReportVariables.FORCE));
        return variables;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static Object flag(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isBoolean() ? node.asBoolean() : node.asText();
    }
}

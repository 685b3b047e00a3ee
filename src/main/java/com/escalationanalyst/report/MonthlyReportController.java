package com.escalationanalyst.report;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.api.ConflictException;
import com.escalationanalyst.api.NotFoundException;
import com.escalationanalyst.process.JsonVariables;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.report.StoredReport.Summary;
import com.escalationanalyst.store.InstantRange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
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
    private final ReportSettings settings;
    private final ReportRecipients recipients;
    private final Clock clock;
    private final InstantRange instants;

    MonthlyReportController(RuntimeService runtimeService, ReportArchive archive, ReportSettings settings,
                            ReportRecipients recipients, Clock clock, InstantRange instants) {
        this.runtimeService = runtimeService;
        this.archive = archive;
        this.settings = settings;
        this.recipients = recipients;
        this.clock = clock;
        this.instants = instants;
    }

    @PostMapping("/api/reports/monthly")
    ResponseEntity<Map<String, Object>> run(@RequestBody(required = false) JsonNode body) {
        ReportRequest request = request(body);
        String month = request.month().toString();
        if (request.send() && !request.force()) {
            Optional<Summary> sent = archive.sentReportOf(month);
            if (sent.isPresent()) {
                throw new ConflictException(ReportVariables.FORCE, "the report for " + month + " was already sent at "
                        + sent.get().sentAt() + " (report " + sent.get().reportId() + "); set force to true to send it again",
                        Map.of("reportId", sent.get().reportId()));
            }
        }
        if (request.send() && recipients.resolve().recipients().isEmpty()) {
            throw new AnalysisRequestException(ReportVariables.SEND, "the report has no recipients: set " + recipients.describe());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportVariables.MONTH, month);
        variables.put(ReportVariables.AGENT_COST_PER_HOUR, request.agentCostPerHour().doubleValue());
        variables.put(ReportVariables.SEND, request.send());
        variables.put(ReportVariables.FORCE, request.force());
        variables.put(ReportVariables.TRIGGER, ReportVariables.TRIGGER_API);
        ProcessInstanceWithVariables instance = runtimeService
                .createProcessInstanceByKey(ProcessIds.MONTHLY_ESCALATION_REPORT)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reportId", instance.getVariables().get(ReportVariables.REPORT_ID));
        answer.put("processInstanceId", instance.getId());
        answer.put("subject", instance.getVariables().get(ReportVariables.SUBJECT));
        answer.put("month", month);
        answer.put("send", request.send());
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

    private ReportRequest request(JsonNode body) {
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
        return ReportRequest.of(text(month), cost.isNumber() ? cost.decimalValue() : null, flag(body, ReportVariables.SEND),
                flag(body, ReportVariables.FORCE), settings, clock, instants);
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

package com.escalationanalyst.analysis;

import com.escalationanalyst.period.PeriodException;
import com.escalationanalyst.period.PeriodResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * Runs an analysis process for an API request and answers with its result: the request's fields
 * are checked first (400 naming the field), then the process runs to its end in this thread, so it
 * is in Cockpit's history like any other run.
 */
@Component
public class AnalysisRunner {

    private final RuntimeService runtimeService;
    private final PeriodResolver periods;
    private final TicketFilterFactory filters;
    private final ObjectMapper json = new ObjectMapper();

    AnalysisRunner(RuntimeService runtimeService, PeriodResolver periods, TicketFilterFactory filters) {
        this.runtimeService = runtimeService;
        this.periods = periods;
        this.filters = filters;
    }

    /**
     * The request's fields as process variables. Every analysis takes period, from, to and productArea;
     * {@code extra} names the fields a particular analysis adds (e.g. segment, dimension). Any other
     * field is refused rather than ignored.
     */
    public Map<String, Object> variables(JsonNode request, Set<String> extra) {
        if (request == null || request.isNull() || request.isMissingNode()) {
            request = json.createObjectNode();
        }
        if (!request.isObject()) {
            throw new AnalysisRequestException("body", "must be a JSON object");
        }
        Map<String, Object> variables = new HashMap<>();
        Set<String> known = Set.of(AnalysisVariables.PERIOD, AnalysisVariables.FROM, AnalysisVariables.TO,
                AnalysisVariables.PRODUCT_AREA);
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey()) && !extra.contains(field.getKey())) {
                throw new AnalysisRequestException(field.getKey(), "unknown field; the fields are "
                        + String.join(", ", new TreeSet<>(union(known, extra))));
            }
            if (!field.getValue().isNull() && !field.getValue().isTextual()) {
                throw new AnalysisRequestException(field.getKey(), "must be a string");
            }
            if (field.getValue().isTextual() && field.getValue().asText().length() > 200) {
                throw new AnalysisRequestException(field.getKey(), "is longer than 200 characters");
            }
            variables.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        String period = (String) variables.get(AnalysisVariables.PERIOD);
        String from = (String) variables.get(AnalysisVariables.FROM);
        String to = (String) variables.get(AnalysisVariables.TO);
        filters.checkAccountValues((String) variables.get(AnalysisVariables.SEGMENT),
                (String) variables.get(AnalysisVariables.TIER), (String) variables.get(AnalysisVariables.REGION));
        try {
            periods.resolve(period, from, to);
        } catch (PeriodException e) {
            throw new AnalysisRequestException(e.field(), e.reason());
        }
        variables.put(AnalysisVariables.SOURCE, AnalysisVariables.SOURCE_API);
        return variables;
    }

    /** Starts the process, waits for its end and returns its result. */
    public JsonNode run(String processKey, Map<String, Object> variables) {
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(processKey)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        Object result = instance.getVariables().get(AnalysisVariables.RESULT);
        try {
            return json.readTree(result.toString());
        } catch (Exception e) {
            throw new IllegalStateException("Process " + instance.getId() + " produced no readable result", e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}

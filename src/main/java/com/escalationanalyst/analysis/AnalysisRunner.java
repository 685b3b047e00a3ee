package com.escalationanalyst.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * Runs an analysis process for an API request and answers with its result: the process checks the request's
 * fields as it starts (400 naming the field, nothing started), then runs to its end in this thread, so it is in
 * Cockpit's history like any other run.
 */
@Component
public class AnalysisRunner {

    private final RuntimeService runtimeService;
    private final ObjectMapper json = new ObjectMapper();

    AnalysisRunner(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * The request's fields as process variables, each a text or null; anything else in the body is refused here, as
     * no process variable could say it. What the fields mean (which are known, how long, the period, the segment) is
     * checked once, by the process as it starts: {@link AnalysisInputs} and "Resolve period".
     */
    public Map<String, Object> variables(JsonNode request) {
        if (request == null || request.isNull() || request.isMissingNode()) {
            request = json.createObjectNode();
        }
        if (!request.isObject()) {
            throw new AnalysisRequestException("body", "must be a JSON object");
        }
        Map<String, Object> variables = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull() && !field.getValue().isTextual()) {
                throw new AnalysisRequestException(field.getKey(), "must be a string");
            }
            variables.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
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
}

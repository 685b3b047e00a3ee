package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Relate known issues to root causes": relates the known-issue matches found while the escalated tickets
 * streamed ({@code knownIssueFindings}, see "Pull escalated tickets and match known issues") to the ranked root causes: per
 * root cause, whether a documented bug explains enough of one of its patterns and that issue's status,
 * the inputs of the "Recommend action" decision.
 */
@Component("relateKnownIssuesDelegate")
class RelateKnownIssuesDelegate implements JavaDelegate {

    record DecisionInput(String rootCause, long escalations, boolean knownIssueMatched, String knownIssueStatus) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        JsonNode patterns = JsonVariables.read(execution, PatternVariables.FINDINGS).get("patterns");
        List<DecisionInput> inputs = new ArrayList<>();
        for (JsonNode row : JsonVariables.read(execution, PatternVariables.RANKING).get("rows")) {
            String cause = row.get("rootCause").asText();
            // the documented pattern of this root cause with most matched tickets (the first of equals)
            JsonNode documented = null;
            for (JsonNode pattern : patterns) {
                if (pattern.get("rootCause").asText().equals(cause) && pattern.get("documentedBug").asBoolean()
                        && (documented == null
                        || pattern.get("matchedTickets").asLong() > documented.get("matchedTickets").asLong())) {
                    documented = pattern;
                }
            }
            inputs.add(new DecisionInput(cause, row.get("count").asLong(), documented != null,
                    documented == null ? "" : documented.get("topIssueStatus").asText()));
        }
        execution.setVariable(PatternVariables.RECOMMENDATION_INPUTS, JsonVariables.json(inputs));
    }
}

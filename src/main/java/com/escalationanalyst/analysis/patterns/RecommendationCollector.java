package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of each "Recommend action" instance: adds the decision's result for that root cause
 * to the run's {@code recommendations}.
 */
@Component("recommendationCollector")
class RecommendationCollector implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        String rootCause = (String) execution.getVariableLocal(PatternVariables.ROOT_CAUSE);
        Object decided = execution.getVariableLocal(PatternVariables.RECOMMENDATION);
        ObjectNode all = execution.getVariable(PatternVariables.RECOMMENDATIONS) == null
                ? JsonVariables.mapper().createObjectNode()
                : (ObjectNode) JsonVariables.read(execution, PatternVariables.RECOMMENDATIONS);
        if (decided instanceof Map<?, ?> result) {
            all.set(rootCause, JsonVariables.mapper().valueToTree(result));
        }
        execution.getProcessInstance().setVariable(PatternVariables.RECOMMENDATIONS, JsonVariables.json(all));
    }
}

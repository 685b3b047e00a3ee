package com.escalationanalyst.sla;

import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.PeriodVariables;
import com.escalationanalyst.process.JsonVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Measure SLA attainment": the period's tickets under the active SLA policies, as counts ({@code slaCounts}); the
 * breached tickets of each target are kept with the run for the drill-down.
 */
@Component("measureSlaAttainmentDelegate")
class MeasureSlaAttainmentDelegate implements JavaDelegate {

    private final SlaAttainment attainment;
    private final KnowledgeService knowledge;
    private final SlaBreachMembers members;

    MeasureSlaAttainmentDelegate(SlaAttainment attainment, KnowledgeService knowledge, SlaBreachMembers members) {
        this.members = members;
        this.attainment = attainment;
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaPolicies policies = knowledge.current().slaPolicies().orElseThrow(() -> new IllegalStateException(
                "No SLA policy document is active in the escalation-policies space: upload sla-policies.yaml"));
        SlaAttainment.Counts counts;
        // the breached tickets are written as they are found, a batch at a time, for the drill-down
        try (SlaBreachMembers.Writer breaches = members.writer(execution.getProcessInstanceId())) {
            counts = attainment.measure(PeriodVariables.read(execution), policies, breaches);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cells", counts.cells());
        json.put("risk", counts.risk());
        json.put("tickets", counts.tickets());
        json.put("withoutPolicy", counts.withoutPolicy());
        execution.setVariable(SlaVariables.SLA_COUNTS, JsonVariables.json(json));
    }
}

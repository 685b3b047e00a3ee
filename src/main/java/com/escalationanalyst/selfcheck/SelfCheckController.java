package com.escalationanalyst.selfcheck;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.process.ScriptEngineWarmup;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/self-check}: runs SelfCheckProcess and answers with what it found. */
@RestController
class SelfCheckController {

    private final RuntimeService runtimeService;
    private final ScriptEngineWarmup warmup;

    SelfCheckController(RuntimeService runtimeService, ScriptEngineWarmup warmup) {
        this.runtimeService = runtimeService;
        this.warmup = warmup;
    }

    record SelfCheckResult(String processInstanceId, long tickets, long escalated, long accounts,
                           String latestTicketAt, Double escalationRate, String pythonVersion,
                           long pythonWarmupMillis, String summary) {
    }

    @PostMapping("/api/self-check")
    SelfCheckResult selfCheck() {
        // "api": the run answers here and ends; one started in Tasklist waits in a task showing its result
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(ProcessIds.SELF_CHECK)
                .setVariable(AnalysisVariables.SOURCE, AnalysisVariables.SOURCE_API)
                .executeWithVariablesInReturn();
        VariableMap v = instance.getVariables();
        return new SelfCheckResult(instance.getId(),
                (Long) v.get(SelfCheckVariables.TICKET_COUNT),
                (Long) v.get(SelfCheckVariables.ESCALATED_COUNT),
                (Long) v.get(SelfCheckVariables.ACCOUNT_COUNT),
                (String) v.get(SelfCheckVariables.LATEST_TICKET_AT),
                v.get(SelfCheckVariables.ESCALATION_RATE) == null ? null
                        : ((Number) v.get(SelfCheckVariables.ESCALATION_RATE)).doubleValue(),
                (String) v.get(SelfCheckVariables.PYTHON_VERSION),
                warmup.warmupMillis(),
                (String) v.get(SelfCheckVariables.SUMMARY));
    }
}

package com.escalationanalyst.sla;

import com.escalationanalyst.analysis.AnalysisInputs;
import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.process.InputRefusedException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of "Measure SLA attainment": the period inputs only. Attainment is measured over every product area, so a
 * product area is refused rather than ignored.
 */
@Component("checkSlaInputsListener")
class CheckSlaInputsListener implements ExecutionListener {

    private final AnalysisInputs inputs;

    CheckSlaInputsListener(AnalysisInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // first the inputs' names and types (an object variable is refused by its type, never read)
        inputs.check(execution, Set.of());
        if (execution.getVariable(AnalysisVariables.PRODUCT_AREA) != null) {
            throw InputRefusedException.refuse(execution, AnalysisVariables.PRODUCT_AREA,
                    "SLA attainment is measured over every product area; the inputs are period, from, to");
        }
    }
}

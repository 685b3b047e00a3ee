package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.AnalysisInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of "Analyze escalation patterns": the inputs of its form (period, dates, product area, segment, tier, region) only. */
@Component("checkPatternsInputsListener")
class CheckPatternsInputsListener implements ExecutionListener {

    private final AnalysisInputs inputs;

    CheckPatternsInputsListener(AnalysisInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        inputs.check(execution, PatternVariables.INPUTS);
    }
}

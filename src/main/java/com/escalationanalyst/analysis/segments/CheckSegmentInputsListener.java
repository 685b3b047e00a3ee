package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.AnalysisInputs;
import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.process.InputRefusedException;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of "Compare escalation rates by segment": the inputs of its form (period, dates, dimension, product area) only. */
@Component("checkSegmentInputsListener")
class CheckSegmentInputsListener implements ExecutionListener {

    private final AnalysisInputs inputs;

    CheckSegmentInputsListener(AnalysisInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        inputs.check(execution, Set.of(SegmentVariables.DIMENSION));
        try {
            // written back as its id ("Segment" → "segment"), the form the later steps read
            execution.setVariable(SegmentVariables.DIMENSION,
                    SegmentDimension.parse((String) execution.getVariable(SegmentVariables.DIMENSION)).id());
        } catch (AnalysisRequestException e) {
            throw InputRefusedException.refuse(execution, e.field(), e.reason());
        }
    }
}

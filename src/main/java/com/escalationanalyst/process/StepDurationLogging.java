package com.escalationanalyst.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One INFO line per computing step (service, script and business rule tasks) with its duration,
 * e.g. {@code AnalyzeEscalationPatternsProcess › Group and rank root causes: 31 ms}. No variable
 * content is logged.
 */
@Component
class StepDurationLogging extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger("com.escalationanalyst.steps");
    /** Transient: never stored, gone with the command even when the step fails. */
    private static final String STARTED = "stepStartedNanos";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                timed(activity);
            }

            @Override
            public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                timed(activity);
            }

            @Override
            public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                timed(activity);
            }
        });
    }

    private void timed(ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::start);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::end);
    }

    private void start(DelegateExecution execution) {
        execution.setVariableLocal(STARTED, Variables.longValue(System.nanoTime(), true));
    }

    private void end(DelegateExecution execution) {
        Long begin = (Long) execution.getVariableLocal(STARTED);
        if (begin != null) {
            execution.removeVariableLocal(STARTED);
            String process = ((ExecutionEntity) execution).getProcessDefinition().getKey();
            log.info("{} › {}: {} ms", process, execution.getCurrentActivityName(), (System.nanoTime() - begin) / 1_000_000);
        }
    }
}

package com.escalationanalyst.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One INFO line per computing step (service, script and business rule tasks) with its duration,
 * e.g. {@code AnalyzeEscalationPatternsProcess › Group and rank root causes: 31 ms}, and the same duration as
 * timer {@code escalation.step.duration} (tags process, step). Each process that ends adds its duration, start to
 * end (human tasks included), to timer {@code escalation.process.duration} (tag process): one per skill, report
 * and feed. No variable content is logged or measured.
 */
@Component
class StepDurationLogging extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger("com.escalationanalyst.steps");
    /** Transient: never stored, gone with the command even when the step fails. */
    private static final String STARTED = "stepStartedNanos";

    private final ObjectProvider<MeterRegistry> registry;
    /** When each process instance started on this node (ended ones are removed; at most 10,000 are kept). */
    private final Map<String, Long> starts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 10_000;
        }
    };

    StepDurationLogging(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) StepDurationLogging.this::processStart);
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) StepDurationLogging.this::processEnd);
            }

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
            long nanos = System.nanoTime() - begin;
            log.info("{} › {}: {} ms", process, execution.getCurrentActivityName(), nanos / 1_000_000);
            MeterRegistry meters = registry.getIfAvailable();
            if (meters != null) {
                Timer.builder("escalation.step.duration").description("Duration of a computing step")
                        .tag("process", process).tag("step", String.valueOf(execution.getCurrentActivityName()))
                        .register(meters).record(nanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void processStart(DelegateExecution execution) {
        if (((ExecutionEntity) execution).isProcessInstanceExecution()) {
            synchronized (starts) {
                starts.put(execution.getProcessInstanceId(), ClockUtil.getCurrentTime().getTime());
            }
        }
    }

    private void processEnd(DelegateExecution execution) {
        MeterRegistry meters = registry.getIfAvailable();
        ExecutionEntity instance = (ExecutionEntity) execution;
        if (meters == null || !instance.isProcessInstanceExecution()) {
            return;
        }
        Long startedAt;
        synchronized (starts) {
            startedAt = starts.remove(instance.getProcessInstanceId());
        }
        if (startedAt == null) {
            // started on another node or before a restart: its history row was written when it started
            HistoricProcessInstanceEntity started = Context.getCommandContext().getDbEntityManager()
                    .selectById(HistoricProcessInstanceEntity.class, instance.getProcessInstanceId());
            startedAt = started == null || started.getStartTime() == null ? null : started.getStartTime().getTime();
        }
        if (startedAt != null) {
            long millis = ClockUtil.getCurrentTime().getTime() - startedAt;
            Timer.builder("escalation.process.duration").description("Duration of a process, start to end")
                    .tag("process", instance.getProcessDefinition().getKey())
                    .register(meters).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
        }
    }
}

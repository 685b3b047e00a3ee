package com.escalationanalyst.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.IncidentQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's state as metrics: {@code escalation.jobs.failed} counts every failed job execution (each retry
 * too), {@code escalation.incidents.open} the open incidents by type, {@code escalation.reports.held} the
 * monthly reports waiting at "Hold the mail until the data is complete". The gauges count all incidents,
 * whoever asks (authorization is not applied to the count).
 */
@Component
class EngineMetrics extends AbstractProcessEnginePlugin implements MeterBinder {

    static final String HOLD_ACTIVITY = "Task_HoldUntilDataComplete";

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<ProcessEngine> engine;

    EngineMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<ProcessEngine> engine) {
        this.registry = registry;
        this.engine = engine;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        FailedJobCommandFactory failed = configuration.getFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory(new FailedJobCommandFactory() {
            @Override
            public Command<Object> getCommand(String jobId, Throwable exception) {
                MeterRegistry meters = registry.getIfAvailable();
                if (meters != null) {
                    failedJobs(meters).increment();
                }
                return failed.getCommand(jobId, exception);
            }
        });
    }

    private static Counter failedJobs(MeterRegistry meters) {
        return Counter.builder("escalation.jobs.failed").description("Failed job executions (each attempt)").register(meters);
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        failedJobs(meters);
        for (String type : new String[] {Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE}) {
            Gauge.builder("escalation.incidents.open", () -> incidents(type, null))
                    .description("Open incidents").tag("type", type).register(meters);
        }
        Gauge.builder("escalation.reports.held", () -> incidents(Incident.FAILED_JOB_HANDLER_TYPE, HOLD_ACTIVITY))
                .description("Monthly reports held because their month's data looks incomplete").register(meters);
    }

    private long incidents(String type, String activityId) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                IncidentQueryImpl query = new IncidentQueryImpl();
                query.incidentType(type);
                if (activityId != null) {
                    query.activityId(activityId);
                }
                return query.executeCount(context);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}

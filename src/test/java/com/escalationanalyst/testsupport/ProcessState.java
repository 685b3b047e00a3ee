package com.escalationanalyst.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** What tests that run jobs by hand ask of a process instance; and WireMock on loopback for the feeds. */
public final class ProcessState {

    private ProcessState() {
    }

    /** The instance's one job (asserted to be one). */
    public static Job onlyJob(ManagementService managementService, String instance) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).list();
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    /**
     * Runs the instance's jobs one at a time (timers included, whatever their due date) until it ends, at most
     * {@code maxJobs} of them, and asserts that it ended.
     */
    public static void runToTheEnd(RuntimeService runtimeService, ManagementService managementService, String instance,
                                   int maxJobs) {
        for (int i = 0; i < maxJobs && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0; i++) {
            managementService.executeJob(onlyJob(managementService, instance).getId());
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
                .as("process instance " + instance + " ended").isZero();
    }

    public static Object variable(HistoryService historyService, String instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
                .singleResult().getValue();
    }

    public static WireMockServer loopbackWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }
}

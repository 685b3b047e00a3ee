package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.testsupport.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ScriptEvaluationException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A Python step with a bug: retried, then an incident that names the script line. Jobs run by hand.
 * (The helpdesk database going away mid-report is {@code HelpdeskOutagePostgresIT}.)
 */
@IntegrationTest
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class FaultToleranceIT {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void aPythonErrorBecomesAnIncidentNamingTheLine() {
        repositoryService.createDeployment().addClasspathResource("bpmn-test/FailingScriptProcess.bpmn")
                .addClasspathResource("bpmn-test/failing_step.py").deploy();
        String instance = runtimeService.startProcessInstanceByKey("FailingScriptProcess", Map.of("escalations", 3)).getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        int attempts = 0;
        while (job.getRetries() > 0) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).isInstanceOf(ScriptEvaluationException.class);
            attempts++;
            job = managementService.createJobQuery().processInstanceId(instance).singleResult();
        }
        assertThat(attempts).as("the engine's default: three attempts").isEqualTo(3);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).singleResult().getIncidentMessage())
                .contains("ZeroDivisionError").contains("at line number 4");
    }
}

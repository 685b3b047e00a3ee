package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestCredentials;
import com.escalationanalyst.testsupport.TestStores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tasklist offers and where a run started there ends: only processes a person should start are offered
 * (timers start the syncs and the schedule), and a report or self-check started there ends in a task that shows
 * or links to its result.
 */
@IntegrationTest
class TasklistStartIT {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    DataSource dataSource;

    @Test
    void onlyProcessesAPersonStartsAreOfferedInTasklist() {
        // the application's models (tests deploy models of their own beside them)
        Set<String> startable = repositoryService.createProcessDefinitionQuery().startableInTasklist().latestVersion()
                .list().stream().filter(d -> d.getResourceName().startsWith("bpmn/")).map(ProcessDefinition::getKey)
                .collect(Collectors.toSet());
        assertThat(startable).containsExactlyInAnyOrder("AnalyzeEscalationPatternsProcess",
                "CompareSegmentEscalationRatesProcess", "MonthlyEscalationReportProcess", "SelfCheckProcess",
                "AskEscalationAnalystProcess", "MeasureSlaAttainmentProcess", "SlaMonitorProcess");
        Set<String> all = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> d.getResourceName().startsWith("bpmn/")).map(ProcessDefinition::getKey)
                .collect(Collectors.toSet());
        assertThat(all).contains("SyncHelpdeskProcess", "SyncCrmProcess", "MonthlyEscalationReportScheduleProcess",
                "SlaMonitorScheduleProcess", "SlaTeamAlertsProcess");
    }

    @Test
    void aReportStartedInTasklistEndsInATaskLinkingToItsReport() {
        ProcessInstance instance = startAsAdmin(ProcessIds.MONTHLY_ESCALATION_REPORT,
                Map.of("month", "2026-10", "send", false));
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReadReport");
        assertThat(task.getAssignee()).isEqualTo(TestCredentials.ADMIN);
        String reportId = (String) runtimeService.getVariable(instance.getId(), "reportId");
        assertThat(runtimeService.getVariable(instance.getId(), "reportLink")).isEqualTo("/reports/" + reportId);
        assertThat(runtimeService.getVariable(instance.getId(), "archiveLink")).isEqualTo("/analyses/" + instance.getId());
        // the report was kept without waiting for the reader
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("EndEvent_ReportKept").count()).isOne();
        taskService.complete(task.getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).isNotNull();
    }

    @Test
    void aSelfCheckStartedInTasklistShowsItsResultInATask() {
        TestStores.empty(dataSource);
        ProcessInstance instance = startAsAdmin(ProcessIds.SELF_CHECK, Map.of());
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReadSelfCheck");
        assertThat(task.getAssignee()).isEqualTo(TestCredentials.ADMIN);
        // emptied stores: no tickets, no accounts
        assertThat((String) runtimeService.getVariable(instance.getId(), "summary")).startsWith("No tickets yet; 0 accounts.");
    }

    private ProcessInstance startAsAdmin(String key, Map<String, Object> variables) {
        List<String> groups = List.of("camunda-admin");
        identityService.setAuthentication(TestCredentials.ADMIN, groups);
        try {
            return runtimeService.startProcessInstanceByKey(key, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}

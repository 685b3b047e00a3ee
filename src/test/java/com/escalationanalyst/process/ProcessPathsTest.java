package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each path of the models' gateways, on an engine of their own (in-memory H2, no Spring, no Python): the steps are
 * stand-ins that record that they ran and set the variables the gateways read, so a test says which way a run goes
 * and which steps it passes for given decisions. The steps themselves are tested by the integration tests.
 */
class ProcessPathsTest {

    private static ProcessEngine engine;
    private static final Map<Object, Object> BEANS = new HashMap<>();
    private static final List<String> RAN = new ArrayList<>();
    private static final Map<String, Consumer<DelegateExecution>> BEHAVIOUR = new HashMap<>();

    /** The report schedule's cron, read when the model is deployed. */
    public static class Schedule {
        public String cron() {
            return "0 0 6 1 * ?";
        }
    }

    @BeforeAll
    static void engine() throws IOException {
        for (String name : List.of("resolveReportMonthDelegate", "checkDataFreshnessDelegate",
                "holdIncompleteReportDelegate", "pullReportMonthDelegate", "matchReportKnownIssuesDelegate",
                "pullMonthBeforeDelegate", "buildReportDelegate", "storeReportDelegate", "archiveAnalysisDelegate",
                "sendReportDelegate", "resolvePeriodDelegate", "pullEscalatedTicketsDelegate",
                "relateKnownIssuesDelegate", "buildSummaryTableDelegate")) {
            BEANS.put(name, (JavaDelegate) execution -> step(name, execution));
        }
        for (String name : List.of("checkPatternsInputsListener", "recommendationCollector")) {
            BEANS.put(name, (ExecutionListener) execution -> step(name, execution));
        }
        BEANS.put("monthlyReportSchedule", new Schedule());
        StandaloneInMemProcessEngineConfiguration configuration = (StandaloneInMemProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:paths-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setProcessEngineName("paths-" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setBeans(BEANS);
        engine = configuration.buildProcessEngine();
        BpmnAwareTests.init(engine);
        var deployment = engine.getRepositoryService().createDeployment().name("paths");
        for (String model : List.of("MonthlyEscalationReportProcess.bpmn", "AnalyzeEscalationPatternsProcess.bpmn",
                "RecommendedAction.dmn")) {
            try (InputStream in = Files.newInputStream(Path.of("bpmn", model))) {
                deployment.addInputStream("bpmn/" + model, new java.io.ByteArrayInputStream(in.readAllBytes()));
            }
        }
        deployment.deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @BeforeEach
    void clear() {
        RAN.clear();
        BEHAVIOUR.clear();
    }

    private static void step(String name, DelegateExecution execution) {
        RAN.add(name);
        BEHAVIOUR.getOrDefault(name, e -> { }).accept(execution);
    }

    /** Ends a test's run where the stand-ins end: at the join of the two pulls, before the Python steps. */
    static final class PathEnd extends RuntimeException {
        PathEnd() {
            super("end of the path under test");
        }
    }

    /** The second of the two pulls to arrive stops the run, after recording that it ran. */
    private static void stopAtJoin() {
        Consumer<DelegateExecution> second = e -> {
            if (RAN.contains("matchReportKnownIssuesDelegate") && RAN.contains("pullMonthBeforeDelegate")) {
                throw new PathEnd();
            }
        };
        BEHAVIOUR.put("matchReportKnownIssuesDelegate", second);
        BEHAVIOUR.put("pullMonthBeforeDelegate", second);
    }

    /** What "Resolve report month" decided, as the gateways read it. */
    private static void resolved(boolean send, boolean force, boolean alreadySent, boolean readerWaiting) {
        BEHAVIOUR.put("resolveReportMonthDelegate", e -> {
            e.setVariable("send", send);
            e.setVariable("force", force);
            e.setVariable("alreadySent", alreadySent);
            e.setVariable("readerWaiting", readerWaiting);
        });
    }

    private static RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    @Test
    void aMonthAlreadySentEndsWithoutBuildingAnything() {
        resolved(true, false, true, false);
        ProcessInstance run = runtime().startProcessInstanceByKey("MonthlyEscalationReportProcess");
        assertThat(run).isEnded().hasPassed("EndEvent_AlreadySent").hasNotPassed("Task_CheckDataFreshness");
        assertThat(RAN).containsExactly("resolveReportMonthDelegate");
    }

    @Test
    void forcedItIsCheckedAndPulledAgain() {
        resolved(true, true, true, false);
        BEHAVIOUR.put("checkDataFreshnessDelegate", e -> e.setVariable("dataComplete", false));
        stopAtJoin();
        assertThatThrownBy(() -> runtime().startProcessInstanceByKey("MonthlyEscalationReportProcess"))
                .isExactlyInstanceOf(PathEnd.class);
        // forced: already sent does not end it, incomplete data does not hold it; both months are pulled
        assertThat(RAN).containsExactlyInAnyOrder("resolveReportMonthDelegate", "checkDataFreshnessDelegate",
                "pullReportMonthDelegate", "matchReportKnownIssuesDelegate", "pullMonthBeforeDelegate");
        assertThat(RAN).containsSubsequence("pullReportMonthDelegate", "matchReportKnownIssuesDelegate");
        assertThat(RAN).doesNotContain("holdIncompleteReportDelegate");
    }

    @Test
    void incompleteDataHoldsAMailBeforeAnythingIsPulled() {
        resolved(true, false, false, false);
        BEHAVIOUR.put("checkDataFreshnessDelegate", e -> e.setVariable("dataComplete", false));
        ProcessInstance run = runtime().startProcessInstanceByKey("MonthlyEscalationReportProcess");
        assertThat(run).isWaitingAt("Task_HoldUntilDataComplete");
        assertThat(RAN).containsExactly("resolveReportMonthDelegate", "checkDataFreshnessDelegate");
        stopAtJoin();
        // once the hold step lets it go (in the application: when the data is complete), both months are pulled
        assertThatThrownBy(() -> execute(job(run))).isExactlyInstanceOf(PathEnd.class);
        assertThat(RAN).containsSubsequence("holdIncompleteReportDelegate", "pullReportMonthDelegate");
        assertThat(RAN).contains("pullMonthBeforeDelegate");
    }

    @Test
    void incompleteDataDoesNotHoldAReportThatIsNotMailed() {
        resolved(false, false, false, true);
        BEHAVIOUR.put("checkDataFreshnessDelegate", e -> e.setVariable("dataComplete", false));
        stopAtJoin();
        assertThatThrownBy(() -> runtime().startProcessInstanceByKey("MonthlyEscalationReportProcess"))
                .isExactlyInstanceOf(PathEnd.class);
        assertThat(RAN).doesNotContain("holdIncompleteReportDelegate")
                .contains("pullReportMonthDelegate", "pullMonthBeforeDelegate");
    }

    @Test
    void aReportToSendWithAReaderGoesToBoth() {
        ProcessInstance run = runtime().createProcessInstanceByKey("MonthlyEscalationReportProcess")
                .startBeforeActivity("Gateway_ReaderFork")
                .setVariable("send", true).setVariable("readerWaiting", true).setVariable("initiator", "analyst7")
                .execute();
        assertThat(run).isWaitingAt("Task_ReadReport", "Task_SendReport");
        assertThat(BpmnAwareTests.task(run)).isAssignedTo("analyst7");
        assertThat(RAN).isEmpty(); // the mail is a job of its own: sent after the answer, retried on failure
        execute(job(run));
        assertThat(RAN).containsExactly("sendReportDelegate");
        assertThat(run).hasPassed("EndEvent_ReportSent").isWaitingAt("Task_ReadReport");
    }

    @Test
    void aPreviewNobodyWaitsForIsKeptAndNotSent() {
        ProcessInstance run = runtime().createProcessInstanceByKey("MonthlyEscalationReportProcess")
                .startBeforeActivity("Gateway_ReaderFork")
                .setVariable("send", false).setVariable("readerWaiting", false)
                .execute();
        assertThat(run).isEnded().hasPassed("EndEvent_ReportKept", "EndEvent_NoReader")
                .hasNotPassed("Task_SendReport", "Task_ReadReport");
        assertThat(RAN).isEmpty();
    }

    @Test
    void anAnalysisStartedFromAFormWaitsForItsReview() {
        ProcessInstance run = runtime().createProcessInstanceByKey("AnalyzeEscalationPatternsProcess")
                .startBeforeActivity("Task_KeepInArchive")
                .setVariable("reviewRequested", true).setVariable("initiator", "analyst7")
                .execute();
        assertThat(run).isWaitingAt("Task_ReviewEscalationPatterns");
        assertThat(BpmnAwareTests.task(run)).isAssignedTo("analyst7");
        assertThat(RAN).containsExactly("archiveAnalysisDelegate");
    }

    @Test
    void anAnalysisAnsweredThroughTheApiEndsAfterTheArchive() {
        ProcessInstance run = runtime().createProcessInstanceByKey("AnalyzeEscalationPatternsProcess")
                .startBeforeActivity("Task_KeepInArchive")
                .setVariable("reviewRequested", false)
                .execute();
        assertThat(run).isEnded().hasPassed("EndEvent_Answered").hasNotPassed("Task_ReviewEscalationPatterns");
    }

    @Test
    void aRefusedInputStartsNothing() {
        BEHAVIOUR.put("checkPatternsInputsListener", e -> {
            throw new InputRefusedException("period", "'someday' is not a period");
        });
        long before = runtime().createProcessInstanceQuery().count();
        long startedBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("AnalyzeEscalationPatternsProcess").count();
        assertThatThrownBy(() -> runtime().startProcessInstanceByKey("AnalyzeEscalationPatternsProcess"))
                .isExactlyInstanceOf(InputRefusedException.class)
                .hasMessage("period: 'someday' is not a period");
        assertThat(RAN).containsExactly("checkPatternsInputsListener");
        assertThat(runtime().createProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("AnalyzeEscalationPatternsProcess").count()).as("no trace in history")
                .isEqualTo(startedBefore);
    }
}

package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.process.InputRefusedException;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine REST API takes any variables: an analyst starting an analysis there gets exactly the checks of
 * the application's API and forms (400 otherwise), object variables are never read back as arbitrary classes,
 * and what an analyst may do by the application's rules the engine allows too.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestHardeningIT {

    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;

    @BeforeEach
    void analyst() {
        if (identityService.createUserQuery().userId("analyst7").count() == 0) {
            User user = identityService.newUser("analyst7");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership("analyst7", AccessGroups.ANALYSTS);
        }
    }

    @Test
    void aTyposInATasklistStartFormIsAFormMessageAndOneWarnLine(CapturedOutput output) {
        Api analyst = new Api(port, "analyst7", PASSWORD);
        String submit = "/engine-rest/process-definition/key/" + ProcessIds.ANALYZE_ESCALATION_PATTERNS + "/submit-form";
        int from = output.getAll().length();
        HttpResponse<String> response = analyst.post(submit, "application/json",
                "{\"variables\":{\"period\":{\"value\":\"last fortnite\",\"type\":\"String\"}}}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        String message = "period: 'last fortnite' is not a period I understand";
        assertThat(Api.json(response).get("message").asText()).contains(message);
        String logged = output.getAll().substring(from);
        List<String> lines = logged.lines().toList();
        assertThat(lines.stream().filter(l -> l.contains(" WARN ") && l.contains(message)).toList()).as(logged)
                .singleElement().asString().contains(ProcessIds.ANALYZE_ESCALATION_PATTERNS + " not started: " + message);
        assertThat(lines.stream().filter(l -> l.contains(" ERROR ")).toList()).as(logged).isEmpty();
        assertThat(lines.stream().filter(l -> l.startsWith("\tat ") || l.contains("Exception:")).toList()).as(logged).isEmpty();
    }

    @Test
    void anAnalystStartingAnAnalysisThroughTheEngineRestApiGetsTheApplicationsChecks() {
        Api analyst = new Api(port, "analyst7", PASSWORD);
        String start = "/engine-rest/process-definition/key/" + ProcessIds.ANALYZE_ESCALATION_PATTERNS + "/start";
        String[][] refused = {
            {"{\"result\":{\"value\":\"{}\",\"type\":\"String\"}}", "result: unknown input; the inputs are from, period, productArea, question, region, segment, tier, to"},
            {"{\"period\":{\"value\":7,\"type\":\"Integer\"}}", "period: must be a text"},
            {"{\"period\":{\"value\":\"the week after next\",\"type\":\"String\"}}", "period: 'the week after next' is not a period I understand"},
            {"{\"productArea\":{\"value\":\"" + "x".repeat(201) + "\",\"type\":\"String\"}}", "productArea: is longer than 200 characters"},
            {"{\"source\":{\"value\":\"batch\",\"type\":\"String\"}}", "source: is set by the API and by asked runs only"},
            {"{\"period\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.net.URL\","
                    + "\"serializationDataFormat\":\"application/json\"}}}", "period: must be a text"},
        };
        long before = historyService.createHistoricProcessInstanceQuery().count();
        for (String[] attempt : refused) {
            HttpResponse<String> response = analyst.post(start, "application/json",
                    ("{\"variables\":" + attempt[0] + "}").getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(attempt[0] + " → " + response.body()).isEqualTo(400);
            assertThat(Api.json(response).get("message").asText()).contains(attempt[1]);
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

        // Who starts it is the engine's authentication. Several test contexts in this JVM each have an engine named
        // "default" and /engine-rest may resolve another context's engine, which does not see the user the filter
        // set on this one: the initiator rules are checked through this context's engine directly.
        identityService.setAuthentication("analyst7", List.of(AccessGroups.ANALYSTS));
        String instance;
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ProcessIds.ANALYZE_ESCALATION_PATTERNS,
                    Map.of("initiator", "admin", "period", "last 30 days")))
                    .isInstanceOf(InputRefusedException.class)
                    .hasMessage("initiator: is the person starting the analysis and cannot be given");
            instance = runtimeService.startProcessInstanceByKey(ProcessIds.ANALYZE_ESCALATION_PATTERNS,
                    Map.of("period", "last 30 days")).getId();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getAssignee())
                .as("the review goes to the analyst who started it").isEqualTo("analyst7");
        runtimeService.deleteProcessInstance(instance, "test");

        String segments = "/engine-rest/process-definition/key/" + ProcessIds.COMPARE_SEGMENT_ESCALATION_RATES + "/start";
        HttpResponse<String> badDimension = analyst.post(segments, "application/json",
                "{\"variables\":{\"dimension\":{\"value\":\"planet\",\"type\":\"String\"}}}".getBytes(StandardCharsets.UTF_8));
        assertThat(badDimension.statusCode()).isEqualTo(400);
        assertThat(Api.json(badDimension).get("message").asText()).contains("dimension: 'planet' is not a dimension");
    }

    @Test
    void objectVariablesOfTypesOutsideTheAllowListAreNeverDeserialised() {
        repositoryService.createDeployment().addModelInstance("wait.bpmn", Bpmn.createExecutableProcess("WaitProcess")
                .camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done()).deploy();
        String instance = runtimeService.startProcessInstanceByKey("WaitProcess").getId();
        runtimeService.setVariable(instance, "link", Variables.serializedObjectValue("\"http://example.com/\"")
                .objectTypeName("java.net.URL").serializationDataFormat("application/json").create());
        runtimeService.setVariable(instance, "names", Variables.serializedObjectValue("[\"a\",\"b\"]")
                .objectTypeName("java.util.ArrayList<java.lang.String>").serializationDataFormat("application/json").create());
        assertThatThrownBy(() -> runtimeService.getVariable(instance, "link"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.net.URL");
        assertThat(runtimeService.getVariable(instance, "names")).as("the JDK's collections are allowed")
                .isEqualTo(java.util.List.of("a", "b"));
        runtimeService.deleteProcessInstance(instance, "test");
    }

    @Test
    void anAnalystMayRunTheSelfCheck() {
        HttpResponse<String> check = new Api(port, "analyst7", PASSWORD).post("/api/self-check", "application/json", new byte[0]);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(Api.json(check).get("pythonVersion").asText()).startsWith("2.7.");
    }
}

package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestCredentials;
import com.escalationanalyst.testsupport.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what: an analyst runs analyses and reads reports but neither uploads knowledge, runs the
 * monthly report nor deploys; a user in no group is refused everywhere; anonymous API requests get 401 and
 * pages send the browser to sign in; the Camunda web apps' session opens the pages but not the API's POSTs.
 */
@IntegrationTest
class AccessControlIT {

    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;

    @BeforeEach
    void users() {
        user("analyst1", AccessGroups.ANALYSTS);
        user("outsider1", null);
    }

    void user(String id, String group) {
        TestUsers.ensure(identityService, id, PASSWORD, group);
    }

    @Test
    void anAnalystRunsAnalysesAndReadsReportsButChangesNothing() {
        Api analyst = new Api(port, "analyst1", PASSWORD);
        // the analysis runs under the analyst's Camunda authorization (process, decision, instance)
        var patterns = analyst.post("/api/analyses/escalation-patterns", "application/json",
                "{\"period\":\"last 30 days\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(patterns.statusCode()).as(patterns.body()).isEqualTo(200);
        assertThat(Api.json(patterns).get("processInstanceId").asText()).isNotBlank();
        assertThat(analyst.get("/api/reports").statusCode()).isEqualTo(200);
        assertThat(analyst.get("/reports").statusCode()).isEqualTo(200);
        assertThat(analyst.get("/knowledge").statusCode()).isEqualTo(200);

        var report = analyst.post("/api/reports/monthly", "application/json", "{\"send\":false}".getBytes(StandardCharsets.UTF_8));
        assertThat(report.statusCode()).isEqualTo(403);
        assertThat(Api.json(report).get("detail").asText()).contains("escalation-admins");
        var upload = analyst.upload("/api/knowledge/known-issues", "file", "known-issues.yaml",
                "issues: []\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(analyst.post("/api/import/tickets", "text/csv", "ticket_id\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);

        // deploying is refused by Camunda authorization (the engine REST API answers 403 for it)
        identityService.setAuthentication("analyst1", List.of(AccessGroups.ANALYSTS));
        try {
            assertThatThrownBy(() -> repositoryService.createDeployment()
                    .addModelInstance("x.bpmn", Bpmn.createExecutableProcess("XProcess").camundaHistoryTimeToLive(1)
                            .startEvent().endEvent().done())
                    .deploy()).isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aUserInNoGroupIsRefusedAndAnonymousRequestsMustSignIn() {
        Api outsider = new Api(port, "outsider1", PASSWORD);
        assertThat(outsider.get("/api/reports").statusCode()).isEqualTo(403);
        assertThat(outsider.post("/api/analyses/segment-rates", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);

        Api api = new Api(port);
        // a page sends a browser to sign in and back (SignInIT)
        var page = api.getAnonymous("/reports");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElse("")).isEqualTo("/sign-in?next=%2Freports");
        var json = api.getAnonymous("/api/reports");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.body()).contains("authentication required");
        assertThat(api.getAnonymous("/knowledge").statusCode()).isEqualTo(303);
        assertThat(api.getAnonymous("/engine-rest/engine").statusCode()).isEqualTo(200);
    }

    @Test
    void theCamundaLoginOpensThePagesButNotTheApisPosts() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        String form = "username=" + TestCredentials.ADMIN + "&password=" + URLEncoder.encode(TestCredentials.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        HttpResponse<String> reports = browser.send(HttpRequest.newBuilder(URI.create(base + "/reports")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(reports.body()).contains("Monthly escalation reports");
        HttpResponse<String> run = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/monthly"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"send\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(401);
    }
}

package com.escalationanalyst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TestCredentials;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application starts on the suite's database and its web apps, REST API and self check answer. */
@IntegrationTest
class ApplicationStartIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    DataSource dataSource;

    @Test
    void engineRestListsTheEngineWithoutLoginButNothingElse() {
        Api api = new Api(port);
        HttpResponse<String> engines = api.getAnonymous("/engine-rest/engine");
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\":\"default\"");

        HttpResponse<String> anonymous = api.getAnonymous("/engine-rest/process-definition");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic realm="));

        HttpResponse<String> definitions = api.get("/engine-rest/process-definition?key=SelfCheckProcess");
        assertThat(definitions.statusCode()).isEqualTo(200);
        assertThat(definitions.body()).contains("\"key\":\"SelfCheckProcess\"");

    }

    @Test
    void wrongPasswordIsRefused() {
        // a user of its own: the engine delays further logins of a user after a failed one
        User probe = identityService.newUser("wrongpasswordprobe");
        probe.setPassword("the-right-password-1");
        identityService.saveUser(probe);
        assertThat(new Api(port, "wrongpasswordprobe", "the-right-password-1").get("/engine-rest/task").statusCode())
                .isEqualTo(200);
        assertThat(new Api(port, "wrongpasswordprobe", "wrong").get("/engine-rest/task").statusCode())
                .isEqualTo(401);
        identityService.deleteUser("wrongpasswordprobe");
    }

    @Test
    void cockpitAndTasklistServeTheirPagesAndTheAdminCanLogIn() throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        for (String app : new String[] {"cockpit", "tasklist", "admin"}) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                    URI.create(base + "/camunda/app/" + app + "/default/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(app).isEqualTo(200);
            assertThat(page.body()).as(app).containsIgnoringCase("<html").containsIgnoringCase(app);
        }
        // the login the Cockpit page performs, echoing the CSRF cookie the pages set
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        String form = "username=" + TestCredentials.ADMIN + "&password="
                + URLEncoder.encode(TestCredentials.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode user = Api.json(login);
        assertThat(user.get("userId").asText()).isEqualTo(TestCredentials.ADMIN);
        assertThat(user.get("authorizedApps").toString()).contains("cockpit").contains("tasklist");
    }

    @Test
    void selfCheckRunsThePythonScriptTaskAndReportsTheStores() {
        Api api = new Api(port);
        HttpResponse<String> anonymous = api.postAnonymous("/api/self-check", "application/json", new byte[0]);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // contexts are shared between test classes: start from empty stores
        TestStores.empty(dataSource);
        JsonNode empty = Api.json(api.post("/api/self-check", "application/json", new byte[0]));
        assertThat(empty.get("processInstanceId").asText()).isNotBlank();
        assertThat(empty.get("pythonVersion").asText()).startsWith("2.7.");
        assertThat(empty.get("tickets").asLong()).isZero();
        assertThat(empty.get("escalationRate").isNull()).isTrue();
        assertThat(empty.get("summary").asText()).startsWith("No tickets yet; 0 accounts.");

        // the fixture has 30 tickets, every third escalated: 10 of 30
        assertThat(api.post("/api/import/tickets", "text/csv", TicketFixtures.threeMonths().bytes()).statusCode())
                .isEqualTo(200);
        JsonNode loaded = Api.json(api.post("/api/self-check", "application/json", new byte[0]));
        assertThat(loaded.get("tickets").asLong()).isEqualTo(30);
        assertThat(loaded.get("escalated").asLong()).isEqualTo(10);
        assertThat(loaded.get("escalationRate").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(loaded.get("summary").asText()).startsWith("30 tickets (33.33% escalated), 0 accounts.");
    }
}

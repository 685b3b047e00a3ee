package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed logins slow the guesser and never lock the user out for good. Client addresses are told apart by
 * {@code X-Forwarded-For} (trusted from loopback, as behind a reverse proxy). The numbers are this test's own:
 * three free failures per address, five per user, waits of 1 s doubling, at most 2 s per user.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "server.forward-headers-strategy=native",
    "escalation.security.login.free-failures-per-address=3",
    "escalation.security.login.free-failures-per-user=5",
    "escalation.security.login.base-delay=1s",
    "escalation.security.login.max-delay-per-user=2s",
    "escalation.security.login.max-delay-per-address=10m"})
class LoginPolicyIT {

    static final String PASSWORD = "probe-password-right-1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGuesserIsSlowedPerAddressAndPerUserAndTheUserGetsInAfterAtMostTheUserCap() throws Exception {
        user("probe1");
        // address 10.0.0.66: failures 1-3 free, failure 4 answered 401 and sets a 1 s wait
        for (int i = 1; i <= 4; i++) {
            assertThat(basic("probe1", "wrong-" + i, "10.0.0.66").statusCode()).as("attempt " + i).isEqualTo(401);
        }
        HttpResponse<String> waiting = basic("probe1", "wrong-5", "10.0.0.66");
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(waiting.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        JsonNode problem = new ObjectMapper().readTree(waiting.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/too-many-attempts");
        assertThat(problem.get("title").asText()).isEqualTo("Too many failed sign-ins");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isEqualTo("too many failed logins from this address; try again in 1 s");
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(basic("probe1", PASSWORD, "10.0.0.66").statusCode())
                .as("while the address waits even the right password is not checked").isEqualTo(429);

        // the user has 4 failures; from fresh addresses: failure 5 is free, failure 6 sets the user's 1 s wait
        assertThat(basic("probe1", "wrong-6", "10.0.1.1").statusCode()).isEqualTo(401);
        assertThat(basic("probe1", "wrong-7", "10.0.1.2").statusCode()).isEqualTo(401);
        HttpResponse<String> userWaits = basic("probe1", "wrong-8", "10.0.1.3");
        assertThat(userWaits.statusCode()).isEqualTo(429);
        assertThat(userWaits.body()).contains("too many failed logins for this user");

        HttpResponse<String> owner = basic("probe1", PASSWORD, "10.0.0.7");
        assertThat(owner.statusCode()).as("the owner waits too, but never longer than the user cap").isEqualTo(429);
        long retryAfter = Long.parseLong(owner.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(basic("probe1", PASSWORD, "10.0.0.7").statusCode()).isEqualTo(200);
        assertThat(basic("probe1", "wrong-9", "10.0.1.4").statusCode()).as("the success cleared the user's count")
                .isEqualTo(401);
        identityService.deleteUser("probe1");
    }

    @Test
    void theEngineNeverLocksAUserHoweverManyPasswordsAreWrong() {
        user("probe2");
        // Camunda's own setting would lock the user for good after 10 failures (loginMaxAttempts)
        for (int i = 0; i < 25; i++) {
            assertThat(identityService.checkPassword("probe2", "wrong-" + i)).isFalse();
        }
        assertThat(identityService.checkPassword("probe2", PASSWORD)).isTrue();
        identityService.deleteUser("probe2");
    }

    @Test
    void theWebAppLoginIsThrottledTheSameWay() throws Exception {
        user("probe3");
        identityService.createMembership("probe3", AccessGroups.ANALYSTS); // analysts may open Tasklist
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        int[] expected = {401, 401, 401, 401, 429};
        for (int i = 0; i < expected.length; i++) {
            HttpResponse<String> login = webLogin(browser, base, csrf, "probe3", "wrong-" + i, "10.0.2.66");
            assertThat(login.statusCode()).as("web app login attempt " + (i + 1)).isEqualTo(expected[i]);
        }
        HttpResponse<String> right = webLogin(browser, base, csrf, "probe3", PASSWORD, "10.0.2.7");
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        identityService.deleteUser("probe3");
    }

    @Test
    void weakPasswordsAreRefusedForEveryUser() {
        for (String weak : new String[] {"", "            ", "eleven-char", "xx-probe4-xx-long"}) {
            User user = identityService.newUser("probe4");
            user.setFirstName("Pat");
            user.setPassword(weak);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> identityService.saveUser(user))
                    .as("'" + weak + "'").isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                    .hasMessageContaining("Password does not match policy");
        }
        assertThat(identityService.createUserQuery().userId("probe4").count()).isZero();
        User user = identityService.newUser("probe4");
        user.setPassword("twelve-chars");
        identityService.saveUser(user);
        assertThat(identityService.checkPassword("probe4", "twelve-chars")).isTrue();
        identityService.deleteUser("probe4");
    }

    private void user(String id) {
        User user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    private HttpResponse<String> basic(String user, String password, String address) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/task"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> webLogin(HttpClient browser, String base, String csrf, String user, String password,
                                                 String address) throws IOException, InterruptedException {
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

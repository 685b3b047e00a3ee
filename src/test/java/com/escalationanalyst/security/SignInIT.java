package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestCredentials;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser without a session is sent to /sign-in and back to the page it asked for; the session opens the pages. */
@IntegrationTest
class SignInIT {

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signIn(String user, String password, String next, String origin) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageSendsTheBrowserToSignInAndBackWithItsQuery() throws Exception {
        HttpResponse<String> page = get("/tickets?period=last%20month&rootCause=product_bug");
        assertThat(page.statusCode()).isEqualTo(303);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/sign-in?next=" + URLEncoder.encode("/tickets?period=last%20month&rootCause=product_bug",
                StandardCharsets.UTF_8));
        HttpResponse<String> form = get(location);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"", "/tickets?period=last%20month&amp;rootCause=product_bug");

        HttpResponse<String> wrong = signIn(TestCredentials.ADMIN, "not-the-password", "/reports", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Unknown user or wrong password.");
        assertThat(get("/reports").statusCode()).isEqualTo(303);

        HttpResponse<String> signedIn = signIn(TestCredentials.ADMIN, TestCredentials.PASSWORD, "/reports",
                "http://127.0.0.1:" + port);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/reports");
        assertThat(get("/reports").statusCode()).isEqualTo(200);
        assertThat(get("/analyses").statusCode()).isEqualTo(200);
        // the same session is the Camunda web apps' one
        assertThat(get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + TestCredentials.ADMIN + "\"");
    }

    @Test
    void nextIsAlwaysAPathHereAndACrossSiteSignInIsRefused() throws Exception {
        assertThat(SignInPage.localPath("//evil.example/x")).isEqualTo("/analyses");
        assertThat(SignInPage.localPath("https://evil.example/")).isEqualTo("/analyses");
        assertThat(SignInPage.localPath("/\\evil.example")).isEqualTo("/analyses");
        assertThat(SignInPage.localPath("/reports?x=1")).isEqualTo("/reports?x=1");
        HttpResponse<String> crossSite = signIn(TestCredentials.ADMIN, TestCredentials.PASSWORD, "/reports",
                "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(get("/reports").statusCode()).isEqualTo(303);
    }
}

package com.escalationanalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.PageSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The knowledge page's forms change data with the browser's credentials: only a post from the page itself, in
 * the same session, is taken. Refusals and missing documents answer 4xx with the page, never 500.
 */
@IntegrationTest
class PageFormsIT {

    static final byte[] ISSUE = ("- id: KI-971\n  title: Exports time out for large workspaces\n  product_area: Reporting\n"
            + "  status: open\n  symptoms: export spins then fails\n  workaround: export per month\n").getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Test
    void onlyAPostFromThePageInTheSameSessionIsTaken() {
        PageSession browser = new PageSession(port);
        assertThat(browser.get("/knowledge").statusCode()).isEqualTo(200);
        assertThat(browser.token()).hasSizeGreaterThanOrEqualTo(40);

        HttpResponse<String> noToken = browser.upload("/knowledge/known-issues", "ki.yaml", ISSUE, false, browser.origin());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("form token is missing or out of date");

        HttpResponse<String> noOrigin = browser.upload("/knowledge/known-issues", "ki.yaml", ISSUE, true, null);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(noOrigin.body()).contains("the browser named no origin");

        HttpResponse<String> nullOrigin = browser.upload("/knowledge/known-issues", "ki.yaml", ISSUE, true, "null");
        assertThat(nullOrigin.statusCode()).isEqualTo(403);
        assertThat(nullOrigin.body()).contains("cross-site request refused");

        HttpResponse<String> foreign = browser.upload("/knowledge/known-issues", "ki.yaml", ISSUE, true, "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);

        PageSession other = new PageSession(port);
        other.get("/knowledge");
        HttpResponse<String> otherSessionsToken = other.upload("/knowledge/known-issues", "ki.yaml", ISSUE, false, other.origin());
        assertThat(otherSessionsToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/knowledge").body()).as("nothing was stored").doesNotContain("ki.yaml");

        HttpResponse<String> taken = browser.upload("/knowledge/known-issues", "ki.yaml", ISSUE, true, browser.origin());
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(browser.get("/knowledge").body()).contains("ki.yaml");
    }

    @Test
    void activatingAMissingDocumentIsA404PageNotA500() {
        PageSession browser = new PageSession(port);
        browser.get("/knowledge");
        HttpResponse<String> missing = browser.form("/knowledge/known-issues/no-such.yaml/activate?version=3", true,
                browser.origin());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no-such.yaml");
        HttpResponse<String> missingSpace = browser.form("/knowledge/no-such-space/x.yaml/deactivate", true, browser.origin());
        assertThat(missingSpace.statusCode()).isEqualTo(404);
        HttpResponse<String> refusedOrigin = browser.form("/knowledge/known-issues/no-such.yaml/deactivate", true,
                "http://other.example:8080");
        assertThat(refusedOrigin.statusCode()).isEqualTo(403);
    }
}

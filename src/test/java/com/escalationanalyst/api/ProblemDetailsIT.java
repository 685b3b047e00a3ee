package com.escalationanalyst.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of /api error comes back in one shape, problem details (RFC 9457): the content type
 * application/problem+json, and type, title, status, detail and instance, with field and errors[] where they
 * apply. The expected types and titles are written out here from docs/api.md, not read from the code.
 */
@IntegrationTest
class ProblemDetailsIT {

    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

    Api admin;

    @BeforeEach
    void users() {
        TestUsers.ensure(identityService, "analyst4", PASSWORD, "escalation-analysts");
        admin = new Api(port);
    }

    @Test
    void aFieldThatCannotBeUsedNamesTheField() {
        HttpResponse<String> response = admin.post("/api/analyses/escalation-patterns", "application/json",
                "{\"period\":7}".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = problem(response, 400, "/problems/invalid-field", "A request field cannot be used",
                "/api/analyses/escalation-patterns");
        assertThat(problem.get("detail").asText()).isEqualTo("period: must be a string");
        assertThat(problem.get("field").asText()).isEqualTo("period");
        assertThat(problem.has("errors")).isFalse();
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        HttpResponse<String> response = admin.post("/api/analyses/segment-rates", "application/json",
                "{\"period\":".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = problem(response, 400, "/problems/malformed-body", "The request body cannot be read",
                "/api/analyses/segment-rates");
        assertThat(problem.get("detail").asText()).isEqualTo("body: not valid JSON");
        assertThat(problem.get("field").asText()).isEqualTo("body");
    }

    @Test
    void aRefusedFileListsItsErrorsByLineAndColumn() {
        // header only two columns: every required column missing is one error on line 1
        HttpResponse<String> response = admin.post("/api/import/accounts", "text/csv",
                "account_id,segment\nA-1,Enterprise\nA-2,\n".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = problem(response, 400, "/problems/file-refused",
                "The file was refused; nothing of it was stored", "/api/import/accounts");
        assertThat(problem.get("truncated").asBoolean()).isFalse();
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("line").asLong()).isEqualTo(1);
        assertThat(first.has("column")).isTrue();
        assertThat(first.get("message").asText()).isNotEmpty();
        int errors = problem.get("errors").size();
        assertThat(problem.get("detail").asText()).isEqualTo("the file has " + errors + " error" + (errors == 1 ? "" : "s")
                + "; nothing of it was stored");
    }

    @Test
    void aMultipartRequestWithoutTheFilePartNamesThePart() throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/import/tickets"))
                .header("Authorization", basic("admin", com.escalationanalyst.testsupport.TestCredentials.PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode problem = problem(response, 400, "/problems/file-refused",
                "The file was refused; nothing of it was stored", "/api/import/tickets");
        assertThat(problem.get("field").asText()).isEqualTo("file");
        assertThat(problem.get("errors").get(0).get("line").asLong()).isZero();
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("the multipart request has no part named 'file'");
    }

    @Test
    void aRefusedKnowledgeDocumentListsEveryReason() {
        HttpResponse<String> response = admin.upload("/api/knowledge/known-issues", "file", "issues.yaml",
                "issues:\n  - id: KI-1\n".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = problem(response, 400, "/problems/document-refused", "The document was refused; nothing changed",
                "/api/knowledge/known-issues");
        assertThat(problem.get("errors").size()).isGreaterThanOrEqualTo(1);
        problem.get("errors").forEach(e -> {
            assertThat(e.get("line").isNull()).isTrue();
            assertThat(e.get("message").asText()).isNotEmpty();
        });
    }

    @Test
    void anUnknownSpaceIsNotFoundAndAMarkdownKnownIssueListIsAnUnsupportedType() {
        problem(admin.get("/api/knowledge/no-such-space"), 404, "/problems/not-found", "Not found",
                "/api/knowledge/no-such-space");
        HttpResponse<String> markdown = admin.upload("/api/knowledge/known-issues", "file", "issues.md",
                "# Known issues\n".getBytes(StandardCharsets.UTF_8));
        JsonNode problem = problem(markdown, 415, "/problems/unsupported-media-type", "The media type is not accepted",
                "/api/knowledge/known-issues");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(problem.get("detail").asText());
    }

    @Test
    void aMissingReportOrAnalysisIsNotFound() {
        JsonNode report = problem(admin.get("/api/reports/nope"), 404, "/problems/not-found", "Not found", "/api/reports/nope");
        assertThat(report.get("detail").asText()).isEqualTo("no report nope");
        JsonNode analysis = problem(admin.get("/api/analyses/nope"), 404, "/problems/not-found", "Not found",
                "/api/analyses/nope");
        assertThat(analysis.get("detail").asText()).isEqualTo("no analysis nope");
    }

    @Test
    void anUnconfiguredFeedIsAConflictNamingThePropertyToSet() {
        JsonNode problem = problem(admin.post("/api/sync/crm", "application/json", new byte[0]), 409, "/problems/conflict",
                "The request conflicts with the current state", "/api/sync/crm");
        assertThat(problem.get("field").asText()).isEqualTo("escalation.sync.crm.base-url");
        assertThat(problem.get("detail").asText()).isEqualTo("the CRM sync is not configured: set escalation.sync.crm.base-url");
    }

    @Test
    void noUserAndWrongGroupAreProblemsToo() {
        HttpResponse<String> anonymous = admin.postAnonymous("/api/self-check", "application/json", new byte[0]);
        JsonNode unauthenticated = problem(anonymous, 401, "/problems/authentication-required", "Authentication required",
                "/api/self-check");
        assertThat(unauthenticated.get("detail").asText())
                .isEqualTo("authentication required: HTTP Basic with a user of this application");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));

        Api analyst = new Api(port, "analyst4", PASSWORD);
        JsonNode forbidden = problem(analyst.post("/api/sync/helpdesk", "application/json", new byte[0]), 403,
                "/problems/forbidden", "Forbidden", "/api/sync/helpdesk");
        assertThat(forbidden.get("detail").asText()).isEqualTo("forbidden: POST /api/sync/helpdesk needs membership in escalation-admins");

        // 429 (too many failed sign-ins) is asserted with its problem details in LoginPolicyIT, whose context
        // gives each request an address of its own: here the waits would hold up the other tests
    }

    @Test
    void aMissingOrUnreadableQueryParameterIsAnInvalidField() {
        JsonNode missing = problem(admin.get("/api/knowledge-search/policy"), 400, "/problems/invalid-field",
                "A request field cannot be used", "/api/knowledge-search/policy");
        assertThat(missing.get("field").asText()).isEqualTo("text");
        assertThat(missing.get("detail").asText()).isEqualTo("text: is required");
        JsonNode notANumber = problem(admin.get("/api/knowledge-search/known-issue?text=login&candidates=many"), 400,
                "/problems/invalid-field", "A request field cannot be used", "/api/knowledge-search/known-issue");
        assertThat(notANumber.get("field").asText()).isEqualTo("candidates");
        assertThat(notANumber.get("detail").asText()).isEqualTo("candidates: 'many' is not an int");
    }

    @Test
    void springsOwnRefusalsAreProblemDetailsAsWell() {
        HttpResponse<String> unknown = admin.get("/api/no-such-endpoint");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(unknown).get("status").asInt()).isEqualTo(404);
        assertThat(Api.json(unknown).get("instance").asText()).isEqualTo("/api/no-such-endpoint");

        HttpResponse<String> method = admin.delete("/api/reports");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Api.json(method).get("title").asText()).isEqualTo("Method Not Allowed");
    }

    /** Asserts the shape every problem has and returns it. */
    private static JsonNode problem(HttpResponse<String> response, int status, String type, String title, String instance) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.body()).startsWith("application/problem+json");
        JsonNode problem = Api.json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo(instance);
        List<String> allowed = List.of("type", "title", "status", "detail", "instance", "field", "errors", "truncated",
                "retryAfterSeconds", "reportId", "reference");
        problem.fieldNames().forEachRemaining(name -> assertThat(allowed).as("member " + name).contains(name));
        return problem;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

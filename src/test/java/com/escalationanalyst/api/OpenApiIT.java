package com.escalationanalyst.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI description covers every /api endpoint the controllers map (found here by scanning their
 * annotations, not from springdoc), each with a summary, an example request when it takes a body and an example
 * answer for each status it lists; error answers are problem details whose type and title belong to their status
 * (the table of docs/api.md, written out here). Description and Swagger UI need a user.
 */
@IntegrationTest
class OpenApiIT {

    /** docs/api.md: the problem types by status. */
    static final Map<Integer, Map<String, String>> TYPES = Map.of(
            400, Map.of("/problems/invalid-field", "A request field cannot be used",
                    "/problems/malformed-body", "The request body cannot be read",
                    "/problems/file-refused", "The file was refused; nothing of it was stored",
                    "/problems/document-refused", "The document was refused; nothing changed"),
            401, Map.of("/problems/authentication-required", "Authentication required"),
            403, Map.of("/problems/forbidden", "Forbidden"),
            404, Map.of("/problems/not-found", "Not found"),
            409, Map.of("/problems/conflict", "The request conflicts with the current state",
                    "/problems/import-busy", "Another import is running"),
            413, Map.of("/problems/too-large", "The upload is too large"),
            415, Map.of("/problems/unsupported-media-type", "The media type is not accepted"),
            429, Map.of("/problems/too-many-attempts", "Too many failed sign-ins"),
            500, Map.of("/problems/internal-error", "Internal error"));

    @LocalServerPort
    int port;

    @Test
    void everyEndpointHasASummaryAndAnExampleForItsRequestAndEachAnswer() throws Exception {
        HttpResponse<String> docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = Api.json(docs);
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");

        Set<String> described = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            described.add(key);
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank()) {
                missing.add(key + ": summary");
            }
            if (operation.has("requestBody")) {
                boolean example = false;
                for (JsonNode media : operation.at("/requestBody/content")) {
                    example |= media.has("example");
                }
                if (!example) {
                    missing.add(key + ": request example");
                }
            }
            assertThat(operation.get("responses").size()).as(key).isGreaterThanOrEqualTo(4);
            operation.get("responses").fields().forEachRemaining(response -> {
                int status = Integer.parseInt(response.getKey());
                if (status == 204) {
                    assertThat(response.getValue().has("content")).as(key + " 204 has no body").isFalse();
                    return;
                }
                JsonNode content = response.getValue().path("content");
                if (status >= 400) {
                    JsonNode example = content.path("application/problem+json").path("example");
                    if (example.isMissingNode()) {
                        missing.add(key + ": " + status + " problem example");
                        return;
                    }
                    assertThat(example.get("status").asInt()).as(key + " " + status).isEqualTo(status);
                    assertThat(TYPES.get(status)).as(key + " " + status).containsEntry(example.get("type").asText(),
                            example.get("title").asText());
                    assertThat(example.path("detail").asText()).as(key + " " + status).isNotBlank();
                } else {
                    boolean example = false;
                    for (JsonNode media : content) {
                        example |= media.has("example");
                    }
                    if (!example) {
                        missing.add(key + ": " + status + " example");
                    }
                }
            });
            for (int always : new int[] {401, 403}) {
                assertThat(operation.get("responses").has(Integer.toString(always))).as(key + " lists " + always).isTrue();
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(described).isEqualTo(mappedEndpoints());
    }

    @Test
    void theDescriptionAndSwaggerUiNeedAUser() throws Exception {
        Api anonymous = new Api(port);
        HttpResponse<String> refused = anonymous.getAnonymous("/v3/api-docs");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");

        HttpResponse<String> browser = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location").orElse("")).contains("/sign-in?next=");

        HttpResponse<String> ui = new Api(port).get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    /** "METHOD /path" of every handler method of the application's REST controllers under /api. */
    static Set<String> mappedEndpoints() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> endpoints = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("com.escalationanalyst")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            RequestMapping prefix = type.getAnnotation(RequestMapping.class);
            String base = prefix == null ? "" : first(prefix.value(), prefix.path());
            for (var method : type.getDeclaredMethods()) {
                GetMapping get = method.getAnnotation(GetMapping.class);
                PostMapping post = method.getAnnotation(PostMapping.class);
                PutMapping put = method.getAnnotation(PutMapping.class);
                DeleteMapping delete = method.getAnnotation(DeleteMapping.class);
                String path = get != null ? first(get.value(), get.path()) : post != null ? first(post.value(), post.path())
                        : put != null ? first(put.value(), put.path()) : delete != null ? first(delete.value(), delete.path()) : null;
                String verb = get != null ? "GET" : post != null ? "POST" : put != null ? "PUT" : delete != null ? "DELETE" : null;
                if (verb != null && (base + path).startsWith("/api/")) {
                    endpoints.add(verb + " " + base + path);
                }
            }
        }
        return endpoints;
    }

    private static String first(String[] value, String[] path) {
        return value.length > 0 ? value[0] : path.length > 0 ? path[0] : "";
    }
}

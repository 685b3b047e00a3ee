package com.escalationanalyst.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3 description of /api as springdoc reads it from the controllers, completed from
 * {@code openapi/examples.yaml}: per operation ("METHOD /path") a summary, a description, an example request
 * and, for each answer it can give, a description and an example (errors as {@code application/problem+json}).
 * HTTP Basic is the security scheme of every operation.
 */
@Component
class OpenApiDescription implements OpenApiCustomizer {

    static final String EXAMPLES = "openapi/examples.yaml";

    private final String version;

    OpenApiDescription(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Escalation Analyst API").version(version).description("Why support tickets escalate, "
                + "which customers escalate most and what to fix first. Every error is answered with problem details "
                + "(RFC 9457, application/problem+json)."));
        if (api.getComponents() == null) {
            api.components(new Components());
        }
        api.getComponents().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
        api.addSecurityItem(new SecurityRequirement().addList("basic"));
        Map<String, Map<String, Object>> examples = load();
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Map<String, Object> entry = examples.get(method.name() + " " + path);
            if (entry != null) {
                describe(operation, entry);
            }
        }));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> load() {
        try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return loaded == null ? Map.of() : (Map<String, Map<String, Object>>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EXAMPLES, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void describe(Operation operation, Map<String, Object> entry) {
        operation.setSummary((String) entry.get("summary"));
        operation.setDescription((String) entry.get("description"));
        Map<String, Object> request = (Map<String, Object>) entry.get("request");
        if (request != null && operation.getRequestBody() != null) {
            Content content = operation.getRequestBody().getContent();
            if (content == null) {
                content = new Content();
                operation.getRequestBody().setContent(content);
            }
            String type = (String) request.get("contentType");
            MediaType media = content.computeIfAbsent(type, t -> new MediaType().schema(new Schema<>()));
            media.setExample(request.get("example"));
            // every other content type the operation takes gets the same example when it is of the same kind
            content.forEach((other, m) -> {
                if (m.getExample() == null && kind(other).equals(kind(type))) {
                    m.setExample(request.get("example"));
                }
            });
        }
        Map<String, Object> parameters = (Map<String, Object>) entry.getOrDefault("parameters", Map.of());
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameters.containsKey(parameter.getName())) {
                    parameter.setExample(parameters.get(parameter.getName()));
                }
            }
        }
        Map<String, Object> responses = (Map<String, Object>) entry.getOrDefault("responses", Map.of());
        ApiResponses answers = new ApiResponses();
        new TreeMap<>(stringKeys(responses)).forEach((status, value) -> {
            Map<String, Object> response = (Map<String, Object>) value;
            Object example = response.get("example");
            String contentType = (String) response.getOrDefault("contentType", Integer.parseInt(status) >= 400
                    ? Problems.MEDIA_TYPE.toString() : "application/json");
            ApiResponse answer = new ApiResponse().description((String) response.get("description"));
            if (example != null) {
                answer.content(new Content().addMediaType(contentType, new MediaType().schema(new Schema<>()).example(example)));
            }
            answers.addApiResponse(status, answer);
        });
        if (!answers.isEmpty()) {
            operation.setResponses(answers);
        }
    }

    private static Map<String, Object> stringKeys(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String kind(String mediaType) {
        return List.of("text/csv", "text/plain", "application/octet-stream").contains(mediaType) ? "text" : mediaType;
    }
}

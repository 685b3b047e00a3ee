package com.escalationanalyst.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Problem details (RFC 9457) as the application writes them: from a {@link ProblemType} and a detail, with the
 * members {@code field} and {@code errors[]} where they apply. Servlet filters, which answer before any
 * controller, write them with {@link #write}.
 */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.type(), e.detail());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.extensions().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemType type, String detail, List<ProblemError> errors) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Writes the problem as the answer, with its status and the request's path as {@code instance}. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                             Map<String, String> headers) throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // a path Tomcat let through but java.net.URI refuses: the answer goes without instance
            }
        }
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), problem);
    }
}

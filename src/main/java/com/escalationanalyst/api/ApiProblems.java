package com.escalationanalyst.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one error contract of the application API: every refusal is answered with problem details
 * ({@code application/problem+json}: type, title, status, detail, instance, and {@code field}, {@code errors[]}
 * where they apply). Services throw typed exceptions ({@link ApiException}); this maps them. Spring MVC's own
 * refusals (unknown path, wrong method or media type) keep Spring's problem details. A refusal is one WARN line;
 * an unexpected exception is logged once at ERROR with a reference that the answer repeats.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e, WebRequest request) {
        return answer(Problems.of(e), request);
    }

    /** Raised inside the engine while a process starts with an input it cannot use ({@link FieldProblem}s among them). */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidInEngine(InvalidRequestException e, WebRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(e.getStatus().getStatusCode());
        ProblemDetail problem = status.value() == 400 ? Problems.of(ProblemType.INVALID_FIELD, e.getMessage())
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (e instanceof FieldProblem field) {
            // refused by a step of the process, which logged the refusal: one WARN line, not two
            return typed(withField(problem, field.field()));
        }
        return answer(problem, request);
    }

    /** Camunda authorization refusing what an endpoint does for the user: the engine says which permission. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException e, WebRequest request) {
        return answer(Problems.of(ProblemType.FORBIDDEN, e.getMessage()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away (e.g. while a CSV streamed): nobody to answer, nothing went wrong here
            log.debug("{}: the client disconnected", request.getDescription(false));
            return null;
        }
        String reference = UUID.randomUUID().toString();
        log.error("{} failed unexpectedly (reference {})", request.getDescription(false), reference, e);
        ProblemDetail problem = Problems.of(ProblemType.INTERNAL_ERROR,
                "the request could not be completed; the log has the details under reference " + reference);
        problem.setProperty("reference", reference);
        return typed(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return widened(answer(withField(Problems.of(ProblemType.MALFORMED_BODY, "body: not valid JSON"), "body"), request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        String message = "the multipart request has no part named '" + e.getRequestPartName() + "'";
        return widened(answer(withField(Problems.withErrors(ProblemType.FILE_REFUSED, message,
                List.of(new ProblemError(0L, null, message))), e.getRequestPartName()), request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return widened(answer(withField(Problems.of(ProblemType.INVALID_FIELD, e.getParameterName() + ": is required"),
                e.getParameterName()), request));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        String detail = field + ": '" + e.getValue() + "' is not a" + (type.matches("[aeiou].*") ? "n " : " ") + type;
        return widened(answer(withField(Problems.of(ProblemType.INVALID_FIELD, detail), field), request));
    }

    private static ProblemDetail withField(ProblemDetail problem, String field) {
        problem.setProperty("field", field);
        return problem;
    }

    /** The answer as Spring MVC's own handlers return it. */
    private static ResponseEntity<Object> widened(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    /** A refusal: one WARN line, the problem as the answer. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, WebRequest request) {
        log.warn("{} refused: {} {}", request.getDescription(false), problem.getStatus(), problem.getDetail());
        return typed(problem);
    }

    private static ResponseEntity<ProblemDetail> typed(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.MEDIA_TYPE).body(problem);
    }
}

package com.escalationanalyst.api;

import java.util.List;
import java.util.Map;

/**
 * A request the application refuses, as the service that found it says it: its {@link ProblemType}, the field
 * it is about and the errors found. {@link ApiProblems} turns it into problem details; the service knows no
 * HTTP status.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message);
    }

    protected ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract ProblemType type();

    /** The problem's {@code detail}: one sentence; the message unless a subclass says it shorter. */
    public String detail() {
        return getMessage();
    }

    /** The request field the problem is about, or null. */
    public String field() {
        return null;
    }

    /** The errors found, in input order; empty when the detail says it all. */
    public List<ProblemError> errors() {
        return List.of();
    }

    /** Further members of the answer (e.g. {@code truncated}, {@code reportId}). */
    public Map<String, Object> extensions() {
        return Map.of();
    }
}

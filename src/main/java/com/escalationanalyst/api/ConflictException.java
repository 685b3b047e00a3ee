package com.escalationanalyst.api;

import java.util.Map;

/**
 * A request that the current state does not allow: a report already sent, a feed that is not configured. The
 * field names what to change (a request field or a configuration property).
 */
public class ConflictException extends ApiException {

    private final String field;
    private final Map<String, Object> extensions;

    public ConflictException(String field, String detail, Map<String, Object> extensions) {
        super(detail);
        this.field = field;
        this.extensions = Map.copyOf(extensions);
    }

    public ConflictException(String field, String detail) {
        this(field, detail, Map.of());
    }

    @Override
    public ProblemType type() {
        return ProblemType.CONFLICT;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}

package com.escalationanalyst.api;

/** What the request names does not exist (no such report, analysis, document). */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_FOUND;
    }
}

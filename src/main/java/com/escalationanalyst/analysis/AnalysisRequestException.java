package com.escalationanalyst.analysis;

import com.escalationanalyst.api.ApiException;
import com.escalationanalyst.api.FieldProblem;
import com.escalationanalyst.api.ProblemType;

/** A request field that cannot be used; answered with 400 naming the field. */
public class AnalysisRequestException extends ApiException implements FieldProblem {

    private final String field;

    public AnalysisRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    @Override
    public ProblemType type() {
        return ProblemType.INVALID_FIELD;
    }

    @Override
    public String field() {
        return field;
    }
}

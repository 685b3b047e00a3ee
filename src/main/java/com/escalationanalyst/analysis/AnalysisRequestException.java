package com.escalationanalyst.analysis;

/** A request field that cannot be used; answered with 400 naming the field. */
public class AnalysisRequestException extends IllegalArgumentException {

    private final String field;

    public AnalysisRequestException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

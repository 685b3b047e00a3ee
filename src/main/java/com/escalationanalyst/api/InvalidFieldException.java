package com.escalationanalyst.api;

/** A request field (body member, query parameter, form input) that cannot be used: 400 naming the field. */
public class InvalidFieldException extends ApiException implements FieldProblem {

    private final String field;

    /** {@code message} is the whole detail, as it is shown. */
    protected InvalidFieldException(String field, String message) {
        super(message);
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

    /** The message without the field's name in front ("from: 'x' is not a date" → "'x' is not a date"). */
    public String reason() {
        String message = getMessage();
        String prefix = field + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}

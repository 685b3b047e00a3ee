package com.escalationanalyst.period;

import com.escalationanalyst.api.ApiException;
import com.escalationanalyst.api.FieldProblem;
import com.escalationanalyst.api.ProblemType;

/**
 * A period that cannot be used; the message says what is accepted, {@link #field()} which input is at fault:
 * {@code period} (the phrase), {@code from} or {@code to} (the dates), as the resolver found it.
 */
public class PeriodException extends ApiException implements FieldProblem {

    public static final String PERIOD = "period";
    public static final String FROM = "from";
    public static final String TO = "to";

    private final String field;

    public PeriodException(String field, String message) {
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
        return message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }
}

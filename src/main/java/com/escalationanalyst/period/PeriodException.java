package com.escalationanalyst.period;

import com.escalationanalyst.api.InvalidFieldException;

/**
 * A period that cannot be used; the message says what is accepted, {@link #field()} which input is at fault:
 * {@code period} (the phrase), {@code from} or {@code to} (the dates), as the resolver found it.
 */
public class PeriodException extends InvalidFieldException {

    public static final String PERIOD = "period";
    public static final String FROM = "from";
    public static final String TO = "to";

    public PeriodException(String field, String message) {
        super(field, message);
    }
}

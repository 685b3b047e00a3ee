package com.escalationanalyst.period;

/** A period that cannot be understood; the message says what is accepted. */
public class PeriodException extends IllegalArgumentException {

    public PeriodException(String message) {
        super(message);
    }
}

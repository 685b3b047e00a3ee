package com.escalationanalyst.api;

/**
 * One entry of a problem's {@code errors[]}: where in the input (the physical line, header = 1, 0 for the whole
 * input; the column's name) and what is wrong. {@code line} and {@code column} are null when they do not apply.
 */
public record ProblemError(Long line, String column, String message) {

    public static ProblemError of(String message) {
        return new ProblemError(null, null, message);
    }
}

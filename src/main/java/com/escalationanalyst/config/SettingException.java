package com.escalationanalyst.config;

/**
 * A setting the application cannot start with. {@link SettingFailureAnalyzer} reports it as the start's one
 * ERROR line: which property, what is wrong with its value and what to set instead.
 */
public class SettingException extends RuntimeException {

    private final String property;
    private final String problem;
    private final String action;

    /** {@code problem} says what is wrong with the value (never the value itself when it is a secret). */
    public SettingException(String property, String problem, String action, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    public SettingException(String property, String problem, String action) {
        this(property, problem, action, null);
    }

    public String property() {
        return property;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }
}

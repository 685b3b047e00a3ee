package com.escalationanalyst.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A start that fails on a setting ends with one ERROR line (Spring Boot's "APPLICATION FAILED TO START" report,
 * its line breaks escaped like every log message) naming the property and what to set, instead of a trace whose
 * first ERROR names a bean. Registered in META-INF/spring.factories.
 */
public class SettingFailureAnalyzer extends AbstractFailureAnalyzer<SettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingException cause) {
        return new FailureAnalysis(cause.property() + ": " + cause.problem(), cause.action(), cause);
    }

    /**
     * A typed setting ({@code escalation.*}, bound to a settings record) that cannot be bound: not of its type (a
     * time zone that is not one, a duration that is not one) or refused by the record. Runs before Spring Boot's own
     * binding report, which spreads the same over several lines.
     */
    public static class BindingAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
            ConfigurationProperty property = cause.getProperty();
            String name = property != null ? property.getName().toString() : cause.getName().toString();
            if (!name.startsWith("escalation")) {
                return null;
            }
            for (Throwable c = cause.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof BindValidationException invalid) {
                    return refusedByRecord(name, invalid, cause);
                }
            }
            Throwable reason = cause.getCause();
            while (reason != null && reason.getCause() != null && reason.getCause() != reason
                    && !(reason instanceof IllegalArgumentException)) {
                reason = reason.getCause();
            }
            String environment = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (cause.getTarget().getType().resolve() == ZoneId.class) {
                return new FailureAnalysis(name + ": '" + property.getValue() + "' is not a time zone",
                        "Set " + name + " (" + environment + ") to a zone id such as UTC, Europe/Berlin or "
                                + "America/New_York.", cause);
            }
            String description;
            if (property != null) {
                // a value not of its type, e.g. a duration that is not one
                description = name + ": '" + property.getValue() + "' is not a valid "
                        + cause.getTarget().getType().resolve(Object.class).getSimpleName()
                        + (reason != null ? " (" + reason.getMessage() + ")" : "");
            } else if (reason == null) {
                description = "cannot be bound";
            } else {
                // refused by the record's constructor, whose message names the property unless it says nothing of it
                description = reason.getMessage().startsWith("escalation") ? reason.getMessage()
                        : name + ": " + reason.getMessage();
            }
            return new FailureAnalysis(description, action(name), cause);
        }

        /** A value of its type that the record's constraints refuse, e.g. a page size above what the API allows. */
        private static FailureAnalysis refusedByRecord(String prefix, BindValidationException invalid, BindException cause) {
            List<String> problems = new ArrayList<>();
            for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
                if (error instanceof FieldError field) {
                    problems.add(prefix + "." + kebab(field.getField()) + ": '" + field.getRejectedValue() + "' "
                            + field.getDefaultMessage());
                } else {
                    problems.add(prefix + ": " + error.getDefaultMessage());
                }
            }
            return new FailureAnalysis(String.join("; ", problems), action(prefix), cause);
        }

        private static String action(String name) {
            return "Correct " + name + "; docs/configuration.md lists every setting, its default and what it accepts.";
        }

        /** {@code agentCostPerHour} → {@code agent-cost-per-hour}, as the property is written. */
        private static String kebab(String javaName) {
            return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }
}

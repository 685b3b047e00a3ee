package com.escalationanalyst.config;

import java.time.ZoneId;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

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

    /** A setting injected as a time zone (escalation.time-zone) that is not one. */
    public static class TimeZoneAnalyzer extends AbstractFailureAnalyzer<TypeMismatchException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, TypeMismatchException cause) {
            if (cause.getRequiredType() != ZoneId.class) {
                return null;
            }
            return new FailureAnalysis("escalation.time-zone: '" + cause.getValue() + "' is not a time zone",
                    "Set escalation.time-zone (ESCALATION_TIME_ZONE) to a zone id such as UTC, Europe/Berlin or "
                            + "America/New_York.", cause);
        }
    }
}

package com.escalationanalyst.process;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * A refused start fails the engine command that starts the process, and the engine reports every failed command at
 * ERROR with its stack trace ("ENGINE-16004 Exception while closing command context"). For a {@link RefusedStart}
 * (an {@link InputRefusedException}, logged at WARN where it was found; a report already sent, which
 * {@code api/ApiProblems} answers with 409 and logs at WARN) that report says nothing the WARN line does not, so this
 * leaves it out; every other failure, a failing job's among them, is logged as before. Installed in
 * logback-spring.xml.
 */
public class RefusedInputLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !logger.getName().startsWith(ENGINE_CONTEXT) || level == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RefusedStart) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}

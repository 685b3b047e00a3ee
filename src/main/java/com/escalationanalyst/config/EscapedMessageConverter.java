package com.escalationanalyst.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} of every log pattern (logback-spring.xml): the message on one line (see {@link LogText}). */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.escapeLineBreaks(super.convert(event));
    }
}

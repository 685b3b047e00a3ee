package com.escalationanalyst.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The application's logging configuration (logback-spring.xml) never lets outside text start a log line. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogLineBreaksIT {

    @Test
    void lineBreaksInMessagesAndExceptionMessagesAreEscaped(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger("com.escalationanalyst.test");
        String userText = "kim\r\n2026-12-01T00:00:00.000Z ERROR 1 --- [main] forged : FORGED-1";
        log.warn("Upload by {} refused", userText);
        log.warn("Import failed", new IllegalStateException("line 3: 'x\nFORGED-2'",
                new IllegalArgumentException("cause\u2028FORGED-3")));

        assertThat(output.getOut()).contains("Upload by kim\\r\\n2026-12-01T00:00:00.000Z ERROR 1 --- [main] forged : FORGED-1 refused")
                .contains("java.lang.IllegalStateException: line 3: 'x\\nFORGED-2'")
                .contains("Caused by: java.lang.IllegalArgumentException: cause\\u2028FORGED-3")
                .contains("\tat com.escalationanalyst.config.LogLineBreaksIT");
        assertThat(Arrays.stream(output.getOut().split("\r\n|\r|\n|\u2028")).filter(l -> l.startsWith("FORGED")
                || l.startsWith("2026-12-01T00:00:00.000Z") || l.startsWith("'x")))
                .as("no line starts with forged text").isEmpty();
    }
}

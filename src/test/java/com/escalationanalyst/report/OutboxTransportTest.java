package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The outbox folder: what a stopped process left half-written, and messages written twice. */
class OutboxTransportTest {

    static final String REPORT_ID = "64219358-1b9d-4c2e-9f3a-0d5e7a8b6c41";

    @TempDir
    Path outbox;

    @Test
    void unfinishedTemporaryFilesOfAnEarlierRunAreRemovedAtStartAndCountedInOneLine() throws Exception {
        Files.writeString(outbox.resolve(".writing-8812771.tmp"), "From: half a message");
        Files.writeString(outbox.resolve(".writing-90210.tmp"), "");
        Files.writeString(outbox.resolve("2026-09-report.eml"), "a whole message");
        Files.writeString(outbox.resolve("notes.tmp"), "not the outbox's");
        Logger logger = (Logger) LoggerFactory.getLogger(OutboxTransport.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            OutboxTransport.open(outbox);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(names()).containsExactlyInAnyOrder("2026-09-report.eml", "notes.tmp");
        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("No spring.mail.host: monthly reports are written to "
                + outbox.toAbsolutePath() + " (2 unfinished temporary files of an earlier run removed)");
    }

    @Test
    void aMissingOutboxIsNoError() throws Exception {
        OutboxTransport.open(outbox.resolve("not-yet"));
        assertThat(Files.exists(outbox.resolve("not-yet"))).isFalse();
    }

    @Test
    void aMessageWrittenAgainKeepsItsMessageIdAndReplacesItsFileAnotherMailboxGetsItsOwn() throws Exception {
        OutboxTransport transport = OutboxTransport.open(outbox);
        String first = transport.deliver(message(transport, "leads@example.com", "first attempt"));
        String again = transport.deliver(message(transport, "leads@example.com", "after a crash"));
        String other = transport.deliver(message(transport, "vp-cx@example.com", "first attempt"));

        // SHA-256 of the mailboxes, first 16 hex digits, from sha256sum
        String leadsFile = "2026-10-" + REPORT_ID + ".a919337d01731c5c-leads_example.com.eml";
        String vpFile = "2026-10-" + REPORT_ID + ".d3324bcb1012d990-vp-cx_example.com.eml";
        assertThat(first).isEqualTo(again).isEqualTo(outbox.resolve(leadsFile).toAbsolutePath().toString());
        assertThat(other).isEqualTo(outbox.resolve(vpFile).toAbsolutePath().toString());
        assertThat(names()).containsExactlyInAnyOrder(leadsFile, vpFile);

        MimeMessage leads = read(outbox.resolve(leadsFile));
        assertThat(leads.getSubject()).isEqualTo("after a crash");
        assertThat(leads.getMessageID()).isEqualTo("<report-" + REPORT_ID + ".a919337d01731c5c@escalation-analyst>");
        assertThat(read(outbox.resolve(vpFile)).getMessageID())
                .isEqualTo("<report-" + REPORT_ID + ".d3324bcb1012d990@escalation-analyst>");
    }

    ReportMessage message(OutboxTransport transport, String mailbox, String subject) throws Exception {
        ReportMessage message = transport.newMessage(REPORT_ID, "2026-10", mailbox);
        message.setFrom(new InternetAddress("reports@example.com"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mailbox));
        message.setSubject(subject);
        message.setText("Escalations October 2026");
        return message;
    }

    List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}

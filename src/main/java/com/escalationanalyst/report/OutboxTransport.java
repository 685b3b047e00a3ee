package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server each message becomes an {@code .eml} file in the outbox folder (any mail client
 * opens it). Written to a temporary file first and moved into place, so a file in the outbox is whole.
 */
final class OutboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    @Override
    public String deliver(MimeMessage message) throws MessagingException, IOException {
        Files.createDirectories(outbox);
        message.saveChanges();
        // e.g. 2026-10-64219358-vp-customer-experience_example.com.eml: month, report, recipient
        String[] report = message.getHeader(ReportMailer.REPORT_ID_HEADER);
        String[] month = message.getHeader(ReportMailer.REPORT_MONTH_HEADER);
        String name = (month == null ? "" : month[0] + "-") + (report == null ? message.getMessageID() : report[0].substring(0, 8))
                + "-" + message.getAllRecipients()[0];
        Path target = outbox.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
        Path temporary = Files.createTempFile(outbox, ".writing-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("Report message written to {}", target.toAbsolutePath());
        return target.toAbsolutePath().toString();
    }
}

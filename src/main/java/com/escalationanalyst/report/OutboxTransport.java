package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server each message becomes an {@code .eml} file in the outbox folder (any mail client
 * opens it). Written to a temporary file first and moved into place, so a file in the outbox is whole. The
 * file is named after the report and the mailbox, so a message written again (a send retried after a crash)
 * replaces its file instead of adding a second one.
 */
final class OutboxTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);
    private static final String TEMPORARY_PREFIX = ".writing-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    private OutboxTransport(Path outbox) {
        this.outbox = outbox;
    }

    /**
     * The outbox at start: temporary files left by a process that stopped while writing are removed (their
     * messages were not recorded as delivered, so the send job writes them again).
     */
    static OutboxTransport open(Path outbox) throws IOException {
        int removed = 0;
        if (Files.isDirectory(outbox)) {
            try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(outbox, TEMPORARY_PREFIX + "*" + TEMPORARY_SUFFIX)) {
                for (Path file : unfinished) {
                    if (Files.deleteIfExists(file)) {
                        removed++;
                    }
                }
            }
        }
        log.info("No spring.mail.host: monthly reports are written to {} ({} unfinished temporary files of an earlier run removed)",
                outbox.toAbsolutePath(), removed);
        return new OutboxTransport(outbox);
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public ReportMessage newMessage(String reportId, String month, String mailbox) {
        return new ReportMessage(session, reportId, month, mailbox);
    }

    @Override
    public String deliver(ReportMessage message) throws MessagingException, IOException {
        Files.createDirectories(outbox);
        message.saveChanges();
        Path target = outbox.resolve(fileName(message));
        Path temporary = Files.createTempFile(outbox, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
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

    /**
     * Month, report and mailbox hash as in the Message-ID, then the mailbox for the reader, e.g.
     * {@code 2026-10-64219358-1b9d-4c2e-9f3a-0d5e7a8b6c41.3f1c2a9e0b7d4c55-vp-customer-experience_example.com.eml}.
     * The hash keeps apart two mailboxes that read the same once made safe for a file name ({@code a+b@}, {@code a_b@}).
     */
    static String fileName(ReportMessage message) {
        return (message.month() + "-" + message.key() + "-" + message.mailbox()).replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
    }
}

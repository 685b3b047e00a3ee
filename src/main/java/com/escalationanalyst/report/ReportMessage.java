package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One report e-mail to one mailbox, with a Message-ID fixed by the report and the mailbox. JavaMail gives a
 * message a new Message-ID each time it is saved, so a message sent again after a crash (between the
 * server's acceptance and the delivery record) would look like a new one; with the same Message-ID the
 * receiving server or the reader's client can tell it is the same message, and the outbox writes it to the
 * same file.
 */
final class ReportMessage extends MimeMessage {

    private static final String DOMAIN = "escalation-analyst";

    private final String key;
    private final String month;
    private final String mailbox;

    ReportMessage(Session session, String reportId, String month, String mailbox) {
        super(session);
        this.key = reportId + "." + HexFormat.of().formatHex(sha256(mailbox), 0, 8);
        this.month = month;
        this.mailbox = mailbox;
    }

    /** {@code <report-{reportId}.{first 16 hex digits of SHA-256(mailbox)}@escalation-analyst>}. */
    String messageId() {
        return "<report-" + key + "@" + DOMAIN + ">";
    }

    /** The report and the mailbox, as a name part: {@code {reportId}.{16 hex digits}}. */
    String key() {
        return key;
    }

    String month() {
        return month;
    }

    /** local@domain of the one recipient. */
    String mailbox() {
        return mailbox;
    }

    /** Called by {@code saveChanges()}, which the transports run before writing the message. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

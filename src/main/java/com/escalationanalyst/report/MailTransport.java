package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Where report messages go: an SMTP server, or the outbox folder when no {@code spring.mail.host} is set. */
interface MailTransport {

    /** "smtp" or "outbox", as recorded with each delivery. */
    String name();

    MimeMessage newMessage();

    /** Hands one message over; returns what identifies it there (the Message-ID, or the file written). */
    String deliver(MimeMessage message) throws MessagingException, IOException;
}

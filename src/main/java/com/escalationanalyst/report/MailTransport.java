package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import java.io.IOException;

/** Where report messages go: an SMTP server, or the outbox folder when no {@code spring.mail.host} is set. */
interface MailTransport {

    /** "smtp" or "outbox", as recorded with each delivery. */
    String name();

    /** An empty message of the report to one mailbox, in this transport's mail session. */
    ReportMessage newMessage(String reportId, String month, String mailbox);

    /**
     * Hands one message over; returns what identifies it there (the Message-ID, or the file written). A
     * server that refuses the recipient throws {@link jakarta.mail.SendFailedException}: an address in its
     * invalid addresses was refused for good (5xx), one in its valid unsent addresses for now (4xx).
     */
    String deliver(ReportMessage message) throws MessagingException, IOException;
}

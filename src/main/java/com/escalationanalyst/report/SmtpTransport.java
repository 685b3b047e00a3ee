package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through the SMTP server of {@code spring.mail.*}. A server that refuses the recipient surfaces as
 * JavaMail's {@link jakarta.mail.SendFailedException}; an unreachable or failing server fails the send job.
 */
final class SmtpTransport implements MailTransport {

    private final JavaMailSenderImpl sender;

    SmtpTransport(JavaMailSenderImpl sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public ReportMessage newMessage(String reportId, String month, String mailbox) {
        return new ReportMessage(sender.getSession(), reportId, month, mailbox);
    }

    @Override
    public String deliver(ReportMessage message) throws MessagingException {
        try {
            sender.send(message);
        } catch (MailSendException e) {
            // Spring keeps each message's own exception: for one message it is the one that tells a refused
            // recipient (SendFailedException with the addresses) from a failed connection
            for (Exception failure : e.getFailedMessages().values()) {
                if (failure instanceof MessagingException messaging) {
                    throw messaging;
                }
            }
            throw e;
        }
        return message.getMessageID();
    }
}

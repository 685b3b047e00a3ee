package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server of {@code spring.mail.*}; a refused or unreachable server fails the send job. */
final class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;

    SmtpTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public MimeMessage newMessage() {
        return sender.createMimeMessage();
    }

    @Override
    public String deliver(MimeMessage message) throws MessagingException {
        sender.send(message);
        return message.getMessageID();
    }
}

package com.escalationanalyst.report;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host} is set), the outbox folder otherwise. */
@Configuration(proxyBeanMethods = false)
class ReportMailConfiguration {

    @Bean
    MailTransport reportMailTransport(ObjectProvider<JavaMailSender> sender, ReportSettings settings) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp != null) {
            return new SmtpTransport(smtp);
        }
        LoggerFactory.getLogger(ReportMailConfiguration.class)
                .info("No spring.mail.host: monthly reports are written to {}", settings.outbox().toAbsolutePath());
        return new OutboxTransport(settings.outbox());
    }
}

package com.escalationanalyst.report;

import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** SMTP when Spring Boot configured a mail sender ({@code spring.mail.host} is set), the outbox folder otherwise. */
@Configuration(proxyBeanMethods = false)
class ReportMailConfiguration {

    @Bean
    MailTransport reportMailTransport(ObjectProvider<JavaMailSenderImpl> sender, ReportSettings settings) throws IOException {
        JavaMailSenderImpl smtp = sender.getIfAvailable();
        if (smtp != null) {
            return new SmtpTransport(smtp);
        }
        return OutboxTransport.open(settings.outbox());
    }
}

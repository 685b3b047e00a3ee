package com.escalationanalyst.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(ProcessEngine engine) {
        FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BasicAuthenticationFilter(engine.getIdentityService(), engine.getName()));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/knowledge", "/knowledge/*", "/reports", "/reports/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("basicAuthentication");
        return registration;
    }
}

package com.escalationanalyst.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(IdentityService identityService) {
        FilterRegistrationBean<BasicAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/knowledge", "/knowledge/*", "/reports", "/reports/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("basicAuthentication");
        return registration;
    }
}

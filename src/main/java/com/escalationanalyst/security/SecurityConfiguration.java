package com.escalationanalyst.security;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    LoginThrottle loginThrottle(LoginSettings settings, Clock clock) {
        return new LoginThrottle(settings.policy(), clock);
    }

    @Bean
    FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(ProcessEngine engine, LoginThrottle throttle) {
        FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new BasicAuthenticationFilter(engine.getIdentityService(), engine.getName(), throttle));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/knowledge", "/knowledge/*", "/reports", "/reports/*",
                "/analyses", "/analyses/*", "/tickets", "/sla", "/actuator/*", "/v3/api-docs", "/v3/api-docs/*",
                "/swagger-ui.html", "/swagger-ui/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("basicAuthentication");
        return registration;
    }

    /** The Camunda web apps' login form checks passwords too: the same throttle applies there. */
    @Bean
    FilterRegistrationBean<WebAppLoginThrottleFilter> webAppLoginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<WebAppLoginThrottleFilter> registration = new FilterRegistrationBean<>(
                new WebAppLoginThrottleFilter(throttle));
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("webAppLoginThrottle");
        return registration;
    }
}

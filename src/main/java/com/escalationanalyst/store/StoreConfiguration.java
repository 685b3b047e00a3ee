package com.escalationanalyst.store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every store shares: the range of instants they hold. Each store's database bean lives with its
 * feature (helpdesk, crm, knowledge, report), which keeps this package free of the features.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    InstantRange instantRange(@Value("${" + InstantRange.MIN_PROPERTY + ":1970-01-01T00:00:00Z}") String min,
                              @Value("${" + InstantRange.MAX_PROPERTY + ":2100-01-01T00:00:00Z}") String max) {
        return InstantRange.of(min, max);
    }
}

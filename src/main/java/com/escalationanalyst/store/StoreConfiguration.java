package com.escalationanalyst.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every store shares: the range of instants they hold. Each store's database bean lives with its
 * feature (helpdesk, crm, knowledge, report), which keeps this package free of the features.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    InstantRange instantRange(ImportSettings settings) {
        return InstantRange.of(settings.minInstant(), settings.maxInstant());
    }
}

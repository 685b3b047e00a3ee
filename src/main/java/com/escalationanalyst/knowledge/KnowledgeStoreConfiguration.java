package com.escalationanalyst.knowledge;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Knowledge documents belong to the application, so they live in its own database. */
@Configuration(proxyBeanMethods = false)
class KnowledgeStoreConfiguration {

    @Bean(initMethod = "migrate")
    KnowledgeDatabase knowledgeDatabase(DataSource applicationDataSource) {
        return new KnowledgeDatabase(applicationDataSource);
    }
}

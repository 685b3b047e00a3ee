package com.escalationanalyst.helpdesk;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The helpdesk store: in the application's database unless {@code escalation.helpdesk.datasource.url} is set. */
@Configuration(proxyBeanMethods = false)
class HelpdeskStoreConfiguration {

    @Bean(initMethod = "migrate")
    HelpdeskDatabase helpdeskDatabase(DataSource applicationDataSource, HelpdeskSettings settings) {
        return new HelpdeskDatabase(settings.datasource().select(applicationDataSource, "helpdesk"));
    }
}

package com.escalationanalyst.crm;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CRM store: in the application's database unless {@code escalation.crm.datasource.url} is set. */
@Configuration(proxyBeanMethods = false)
class CrmStoreConfiguration {

    @Bean(initMethod = "migrate")
    CrmDatabase crmDatabase(DataSource applicationDataSource, CrmSettings settings) {
        return new CrmDatabase(settings.datasource().select(applicationDataSource, "crm"));
    }
}

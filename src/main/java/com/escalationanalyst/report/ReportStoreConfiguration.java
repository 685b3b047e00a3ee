package com.escalationanalyst.report;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Monthly reports and their deliveries, like knowledge, belong to the application: its own database. */
@Configuration(proxyBeanMethods = false)
class ReportStoreConfiguration {

    @Bean(initMethod = "migrate")
    ReportDatabase reportDatabase(DataSource applicationDataSource) {
        return new ReportDatabase(applicationDataSource);
    }
}

package com.escalationanalyst.store;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.KnowledgeDatabase;
import com.escalationanalyst.report.ReportDatabase;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The helpdesk and the CRM are two data sources. By default both live in the application's own
 * database; {@code escalation.helpdesk.datasource.url} / {@code escalation.crm.datasource.url}
 * move either elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(initMethod = "migrate")
    HelpdeskDatabase helpdeskDatabase(DataSource applicationDataSource,
                                      @Value("${escalation.helpdesk.datasource.url:}") String url,
                                      @Value("${escalation.helpdesk.datasource.username:}") String user,
                                      @Value("${escalation.helpdesk.datasource.password:}") String password,
                                      @Value("${escalation.helpdesk.datasource.connection-timeout:30000}") long timeout) {
        return new HelpdeskDatabase(select(applicationDataSource, "helpdesk", url, user, password, timeout));
    }

    @Bean(initMethod = "migrate")
    CrmDatabase crmDatabase(DataSource applicationDataSource,
                            @Value("${escalation.crm.datasource.url:}") String url,
                            @Value("${escalation.crm.datasource.username:}") String user,
                            @Value("${escalation.crm.datasource.password:}") String password,
                            @Value("${escalation.crm.datasource.connection-timeout:30000}") long timeout) {
        return new CrmDatabase(select(applicationDataSource, "crm", url, user, password, timeout));
    }

    /** Knowledge documents belong to the application, so they live in its own database. */
    @Bean(initMethod = "migrate")
    KnowledgeDatabase knowledgeDatabase(DataSource applicationDataSource) {
        return new KnowledgeDatabase(applicationDataSource);
    }

    /** Monthly reports and their deliveries, like knowledge, belong to the application. */
    @Bean(initMethod = "migrate")
    ReportDatabase reportDatabase(DataSource applicationDataSource) {
        return new ReportDatabase(applicationDataSource);
    }

    @Bean
    InstantRange instantRange(@Value("${" + InstantRange.MIN_PROPERTY + ":1970-01-01T00:00:00Z}") String min,
                              @Value("${" + InstantRange.MAX_PROPERTY + ":2100-01-01T00:00:00Z}") String max) {
        return InstantRange.of(min, max);
    }

    /** {@code timeout}: how long a step waits for a connection before it fails (and its job is retried). */
    private static DataSource select(DataSource applicationDataSource, String store,
                                     String url, String user, String password, long timeout) {
        if (url == null || url.isBlank()) {
            return applicationDataSource;
        }
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username(user)
                .password(password)
                .build();
        dataSource.setPoolName(store);
        dataSource.setConnectionTimeout(timeout);
        // a store is read in bursts (one step of a run): keep few connections open in between
        dataSource.setMinimumIdle(2);
        PostgresSessionSettings.apply(dataSource);
        return dataSource;
    }
}

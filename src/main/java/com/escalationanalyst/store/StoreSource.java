package com.escalationanalyst.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * Where a store's tables live ({@code escalation.helpdesk.datasource.*}, {@code escalation.crm.datasource.*}):
 * an empty {@code url} keeps them in the application's own database. {@code connectionTimeout} is how long a
 * step waits for a connection before it fails (and its job is retried); a plain number is milliseconds.
 */
public record StoreSource(@DefaultValue("") String url, @DefaultValue("") String username,
                          @DefaultValue("") String password, @DefaultValue("30s") Duration connectionTimeout) {

    /** The application's data source, or a pool of its own named after the store. */
    public DataSource select(DataSource applicationDataSource, String store) {
        if (url == null || url.isBlank()) {
            return applicationDataSource;
        }
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(url)
                .username(username)
                .password(password)
                .build();
        dataSource.setPoolName(store);
        dataSource.setConnectionTimeout(connectionTimeout.toMillis());
        // a store is read in bursts (one step of a run): keep few connections open in between
        dataSource.setMinimumIdle(2);
        PostgresSessionSettings.apply(dataSource);
        return dataSource;
    }

    @Override
    public String toString() {
        return "StoreSource[url=" + url + ", username=" + username + ", connectionTimeout=" + connectionTimeout + "]";
    }
}

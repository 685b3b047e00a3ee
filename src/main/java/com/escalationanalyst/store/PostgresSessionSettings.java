package com.escalationanalyst.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings for every PostgreSQL connection pool: JIT compilation off. The analyses' statements
 * run for tens to hundreds of milliseconds, and a per-ticket key lookup makes the planner's cost estimate
 * large enough to trigger JIT, whose compilation then took longer (~0.5 s) than the statement itself.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

    static final String INIT_SQL = "SET jit = off";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    static void apply(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        if (url != null && url.startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(INIT_SQL);
        }
    }
}

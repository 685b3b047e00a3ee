package com.escalationanalyst.operations;

import com.escalationanalyst.store.StoreDatabase;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code stores}: each store (helpdesk, CRM, knowledge, reports) answers a query. Down when
 * one does not; the details name which and why.
 */
@Component("stores")
class StoresHealthIndicator extends AbstractHealthIndicator {

    private final List<StoreDatabase> stores;

    StoresHealthIndicator(List<StoreDatabase> stores) {
        super("a store did not answer");
        this.stores = stores;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (StoreDatabase store : stores) {
            try {
                store.jdbc().queryForObject("SELECT 1", Integer.class);
                builder.withDetail(store.name(), "UP");
            } catch (RuntimeException e) {
                up = false;
                builder.withDetail(store.name(), "DOWN: " + e.getMessage());
            }
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}

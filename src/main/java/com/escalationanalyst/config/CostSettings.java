package com.escalationanalyst.config;

import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code escalation.cost.*}: what an agent hour costs and in which currency, for every estimated cost (the
 * patterns analysis, the monthly report); read and checked once here.
 */
@Component
public class CostSettings {

    private final BigDecimal agentCostPerHour;
    private final String currency;

    public CostSettings(@Value("${escalation.cost.agent-cost-per-hour:38.00}") BigDecimal agentCostPerHour,
                        @Value("${escalation.cost.currency:USD}") String currency) {
        if (agentCostPerHour.signum() <= 0) {
            throw new IllegalStateException("escalation.cost.agent-cost-per-hour: must be above 0, is " + agentCostPerHour);
        }
        this.agentCostPerHour = agentCostPerHour;
        this.currency = currency;
    }

    public BigDecimal agentCostPerHour() {
        return agentCostPerHour;
    }

    public String currency() {
        return currency;
    }
}

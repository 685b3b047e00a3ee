package com.escalationanalyst.crm;

import java.math.BigDecimal;

/** A customer account from the CRM. */
public record AccountRow(
        String accountId,
        String name,
        String segment,
        String tier,
        String region,
        String industry,
        BigDecimal arr) {
}

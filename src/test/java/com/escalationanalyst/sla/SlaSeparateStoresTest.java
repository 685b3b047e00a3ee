package com.escalationanalyst.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.knowledge.SlaPolicies;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.testsupport.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * With the helpdesk and CRM stores in two databases, the SLA queries cannot join tickets to accounts: they look the
 * accounts up in the CRM store instead, and must find the same tier and segment (two H2 databases, no Spring).
 */
class SlaSeparateStoresTest {

    static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(TestDatabases.newH2Database());
        ds.setUser("sa");
        return ds;
    }

    @Test
    void accountsComeFromTheCrmStoreWhenItIsAnotherDatabase() {
        HelpdeskDatabase helpdesk = new HelpdeskDatabase(h2());
        CrmDatabase crm = new CrmDatabase(h2());
        helpdesk.migrate();
        crm.migrate();
        crm.jdbc().update("INSERT INTO account (account_id, name, segment, tier, region, industry, arr) "
                + "VALUES ('ACC-1', 'One', 'Enterprise', 'Premium', 'NA', 'Software', 1000)");
        Instant created = Instant.parse("2026-11-30T14:00:00Z");
        helpdesk.jdbc().update("INSERT INTO ticket (ticket_id, created_at, status, priority, channel, account_id, escalated) "
                + "VALUES ('T-1', ?, 'open', 'urgent', 'email', 'ACC-1', FALSE)", created.atOffset(ZoneOffset.UTC));
        SlaTickets tickets = new SlaTickets(helpdesk, crm);
        assertThat(tickets.sameDatabase()).isFalse();

        List<SlaTickets.OpenTicket> open = tickets.openTickets();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).tier()).isEqualTo("Premium");
        assertThat(open.get(0).segment()).isEqualTo("Enterprise");

        // attainment sees the same account: a Premium policy's tier row exists, the Standard one does not
        SlaPolicies policies = SlaPolicies.parse("""
                calendars:
                  always: {zone: UTC, hours: 24x7}
                policies:
                  - name: Premium
                    when: {tier: [Premium]}
                    calendar: always
                    first-response: {urgent: 1h}
                """);
        SlaAttainment attainment = new SlaAttainment(helpdesk, tickets,
                Clock.fixed(Instant.parse("2026-11-30T16:00:00Z"), ZoneOffset.UTC), new SlaSettings("R/PT5M", true, 0.75, "escalation-analysts"));
        SlaAttainment.Counts counts = attainment.measure(new Period(
                java.time.ZonedDateTime.parse("2026-11-01T00:00:00Z"), java.time.ZonedDateTime.parse("2026-12-01T00:00:00Z"),
                ZoneOffset.UTC, "November 2026"), policies, (target, ticketId) -> { });
        // two hours unanswered against one: breached
        assertThat(counts.cells().get("first_response|tier|Premium")).containsExactly(0, 1, 0);
        assertThat(counts.withoutPolicy()).isZero();
    }
}

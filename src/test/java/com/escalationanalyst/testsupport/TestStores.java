package com.escalationanalyst.testsupport;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test contexts are shared between test classes: each test that counts rows starts from empty stores. */
public final class TestStores {

    private TestStores() {
    }

    public static JdbcTemplate empty(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM resolution");
        jdbc.update("DELETE FROM ticket_comment");
        jdbc.update("DELETE FROM ticket_source");
        jdbc.update("DELETE FROM ticket_status_change");
        jdbc.update("DELETE FROM sla_alert");
        jdbc.update("DELETE FROM ticket");
        jdbc.update("DELETE FROM account");
        return jdbc;
    }
}

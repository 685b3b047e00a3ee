package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The helpdesk database going away while the monthly report runs: the helpdesk store is a PostgreSQL
 * database of its own here, which the test closes to connections, so it needs PostgreSQL whatever the
 * suite's database (profile {@code postgres}). Jobs run by hand.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "camunda.bpm.job-execution.enabled=false",
    "escalation.helpdesk.datasource.username=postgres",
    "escalation.helpdesk.datasource.connection-timeout=1000"})
class HelpdeskOutagePostgresIT {

    static final String HELPDESK_URL = TestDatabases.newPostgresDatabase();
    static final String HELPDESK_DB = HELPDESK_URL.substring(HELPDESK_URL.lastIndexOf('/') + 1);

    @DynamicPropertySource
    static void helpdesk(DynamicPropertyRegistry registry) {
        registry.add("escalation.helpdesk.datasource.url", () -> HELPDESK_URL);
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HelpdeskDatabase helpdesk;

    @AfterEach
    void reset() throws Exception {
        ClockUtil.reset();
        allowConnections(true);
    }

    @Test
    void theHelpdeskDatabaseGoneDuringTheMonthlyReportFailsTheJobStoresNothingAndARetryAfterwardsSucceeds() throws Exception {
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (int i = 0; i < 20; i++) {
            csv.row("ticket_id", "F-" + i, "created_at", "2026-10-" + String.format("%02d", 1 + i) + "T10:00:00Z",
                    "status", "open", "priority", "normal", "escalated", Boolean.toString(i % 4 == 0),
                    "escalated_at", i % 4 == 0 ? "2026-10-" + String.format("%02d", 1 + i) + "T11:00:00Z" : "",
                    "escalation_reason_code", i % 4 == 0 ? "BUG-CONFIRMED" : "");
        }
        var imported = new Api(port).post("/api/import/tickets", "text/csv", csv.bytes());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JdbcTemplate app = new JdbcTemplate(dataSource);
        app.update("DELETE FROM monthly_report_delivery");
        app.update("DELETE FROM monthly_report");

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-10-20T12:00:00Z")));
        Job timer = managementService.createJobQuery().processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT_SCHEDULE)
                .timers().singleResult();
        managementService.setJobDuedate(timer.getId(), Date.from(Instant.parse("2026-11-01T06:00:00Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-01T06:00:00Z")));

        allowConnections(false);
        int attempts = 0;
        Job job = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        while (job.getRetries() > 0) {
            assertThatThrownBy(() -> managementService.executeJob(timer.getId()))
                    .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
            attempts++;
            job = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        }
        assertThat(attempts).isEqualTo(3);
        assertThat(job.getExceptionMessage()).containsIgnoringCase("connection");
        assertThat(runtimeService.createIncidentQuery().configuration(timer.getId()).count()).isOne();
        assertThat(app.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT)
                .count()).isZero();

        allowConnections(true);
        awaitHelpdesk();
        managementService.setJobRetries(timer.getId(), 1);
        managementService.executeJob(timer.getId());
        assertThat(app.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isOne();
        Map<String, Object> report = app.queryForMap("SELECT report_month, subject FROM monthly_report");
        assertThat(report.get("report_month")).isEqualTo("2026-10");
        // 5 of 20 October tickets escalated; no tickets in September
        assertThat(report.get("subject")).isEqualTo("Escalations October 2026: 25.00% (no data for September)");
    }

    /** The pool backs off after failed connects: wait until it hands out a connection again. */
    void awaitHelpdesk() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try {
                helpdesk.jdbc().queryForObject("SELECT 1", Integer.class);
                return;
            } catch (RuntimeException stillDown) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the helpdesk database did not come back within 10 s");
    }

    static void allowConnections(boolean allow) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + TestDatabases.POSTGRES_HOST + "/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + HELPDESK_DB + " WITH ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + HELPDESK_DB + "'");
            }
        }
    }
}

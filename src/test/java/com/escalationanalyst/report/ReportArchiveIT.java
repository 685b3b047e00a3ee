package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.report.StoredReport.Delivery;
import com.escalationanalyst.report.StoredReport.Refusal;
import com.escalationanalyst.testsupport.TestDatabases;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The report archive's tables on H2 (or PostgreSQL with {@code -Dtest.db=postgres}), without Spring: reports
 * stored before recipients became rows are read as they were, and an address with a comma in its display
 * name is stored and read as one recipient.
 */
class ReportArchiveIT {

    static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-01T11:00:04Z");

    DataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        String url = TestDatabases.postgres() ? TestDatabases.newPostgresDatabase() : TestDatabases.newH2Database();
        dataSource = TestDatabases.postgres() ? new DriverManagerDataSource(url, "postgres", "")
                : new DriverManagerDataSource(url, "sa", "");
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void reportsStoredBeforeTheRecipientTableKeepTheirRecipientsInOrderAndTheirDeliveries() {
        boolean postgres = TestDatabases.postgres();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/report").table("flyway_report_history")
                .baselineOnMigrate(true).baselineVersion("0")
                .placeholders(Map.of("text", postgres ? "TEXT" : "CLOB", "bytes", postgres ? "BYTEA" : "BLOB"))
                .target("1").load().migrate();
        insertVersion1("sent-report", "vp-cx@example.com,leads@example.com,lead.emea@example.com");
        insertVersion1("preview", "");
        jdbc.update("""
                INSERT INTO monthly_report_delivery (report_id, recipient, delivered_at, transport, reference)
                VALUES ('sent-report', 'vp-cx@example.com', ?, 'smtp', '<1.2@mail>')""", CREATED.plusSeconds(60));

        ReportDatabase database = new ReportDatabase(dataSource);
        database.migrate();
        ReportArchive archive = new ReportArchive(database);

        StoredReport sent = archive.find("sent-report").orElseThrow();
        assertThat(sent.recipients()).containsExactly("vp-cx@example.com", "leads@example.com", "lead.emea@example.com");
        assertThat(sent.refusedRecipients()).isEmpty();
        assertThat(sent.subject()).isEqualTo("Escalations October 2026: 10.00%");
        assertThat(archive.deliveries("sent-report")).containsExactly(
                new Delivery("vp-cx@example.com", CREATED.plusSeconds(60), "smtp", "<1.2@mail>"));
        assertThat(archive.refusals("sent-report")).isEmpty();
        assertThat(archive.settledRecipients("sent-report")).containsExactly("vp-cx@example.com");
        assertThat(archive.find("preview").orElseThrow().recipients()).isEmpty();
    }

    @Test
    void anAddressWithACommaInItsDisplayNameIsOneRecipientAndARefusedOneKeepsItsReason() {
        ReportDatabase database = new ReportDatabase(dataSource);
        database.migrate();
        ReportArchive archive = new ReportArchive(database);
        archive.insert(new StoredReport("new-report", "2026-10", "UTC", "api", "Escalations October 2026", "<p>",
                "text", new byte[] {1, 2}, List.of("\"Doe, Jane\" <jane.doe@example.com>", "vp-cx@example.com"),
                List.of(new Refusal("not an address", "Local address contains control or whitespace", "configuration",
                        CREATED)), "{}", "instance-1", CREATED, true, null));

        StoredReport read = archive.find("new-report").orElseThrow();
        assertThat(read.recipients()).containsExactly("\"Doe, Jane\" <jane.doe@example.com>", "vp-cx@example.com");
        assertThat(read.refusedRecipients()).containsExactly(new Refusal("not an address",
                "Local address contains control or whitespace", "configuration", CREATED));

        archive.recordDelivery("new-report", "\"Doe, Jane\" <jane.doe@example.com>", CREATED.plusSeconds(1), "smtp",
                "<report-new-report.86e0b9e56c17cc4d@escalation-analyst>");
        archive.recordRefusal("new-report", "vp-cx@example.com", CREATED.plusSeconds(2), "smtp",
                "<report-new-report.d3324bcb1012d990@escalation-analyst>", "550 5.1.1 <vp-cx@example.com>: user unknown");
        assertThat(archive.deliveries("new-report")).containsExactly(new Delivery("\"Doe, Jane\" <jane.doe@example.com>",
                CREATED.plusSeconds(1), "smtp", "<report-new-report.86e0b9e56c17cc4d@escalation-analyst>"));
        assertThat(archive.refusals("new-report")).containsExactly(new Refusal("vp-cx@example.com",
                "550 5.1.1 <vp-cx@example.com>: user unknown", "smtp", CREATED.plusSeconds(2)));
        assertThat(archive.settledRecipients("new-report"))
                .containsExactlyInAnyOrder("\"Doe, Jane\" <jane.doe@example.com>", "vp-cx@example.com");

        // the recipients go with their report
        jdbc.update("DELETE FROM monthly_report_delivery");
        jdbc.update("DELETE FROM monthly_report");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report_recipient", Integer.class)).isZero();
    }

    void insertVersion1(String reportId, String recipients) {
        jdbc.update("""
                INSERT INTO monthly_report (report_id, report_month, time_zone, trigger_source, subject, html, text_body,
                    chart_png, recipients, numbers, process_instance_id, created_at, send_requested, sent_at)
                VALUES (?, '2026-10', 'UTC', 'timer', 'Escalations October 2026: 10.00%', '<p>', 'text', ?, ?, '{}', 'pi',
                    ?, TRUE, NULL)""", reportId, new byte[] {1}, recipients, CREATED);
    }
}

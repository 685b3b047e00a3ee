package com.escalationanalyst.report;

import com.escalationanalyst.report.StoredReport.Delivery;
import com.escalationanalyst.report.StoredReport.Summary;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL of the report archive. Reports are written in the process's transaction; deliveries and the
 * "sent" mark in transactions of their own, so a send job that fails later keeps them.
 */
@Repository
class ReportArchive {

    private static final String SUMMARY_COLUMNS =
            "report_id, report_month, subject, trigger_source, created_at, send_requested, sent_at, process_instance_id";

    private static final RowMapper<Summary> SUMMARY = (rs, n) -> new Summary(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6),
            rs.getObject(7, OffsetDateTime.class), rs.getString(8));

    private static final RowMapper<StoredReport> REPORT = (rs, n) -> new StoredReport(rs.getString("report_id"),
            rs.getString("report_month"), rs.getString("time_zone"), rs.getString("trigger_source"),
            rs.getString("subject"), rs.getString("html"), rs.getString("text_body"), rs.getBytes("chart_png"),
            split(rs.getString("recipients")), rs.getString("numbers"), rs.getString("process_instance_id"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("send_requested"),
            rs.getObject("sent_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    ReportArchive(ReportDatabase database) {
        this.jdbc = database.jdbc();
        this.ownTransaction = new TransactionTemplate(database.transactions().getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void insert(StoredReport report) {
        jdbc.update("""
                INSERT INTO monthly_report (report_id, report_month, time_zone, trigger_source, subject, html, text_body,
                    chart_png, recipients, numbers, process_instance_id, created_at, send_requested, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""",
                report.reportId(), report.month(), report.timeZone(), report.trigger(), report.subject(), report.html(),
                report.text(), report.chartPng(), String.join(",", report.recipients()), report.numbers(),
                report.processInstanceId(), report.createdAt(), report.sendRequested());
    }

    Optional<StoredReport> find(String reportId) {
        return jdbc.query("SELECT * FROM monthly_report WHERE report_id = ?", REPORT, reportId).stream().findFirst();
    }

    List<Summary> list() {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM monthly_report ORDER BY report_month DESC, created_at DESC",
                SUMMARY);
    }

    /** The report of that month that was sent first, if any. */
    Optional<Summary> sentReportOf(String month) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM monthly_report WHERE report_month = ? AND sent_at IS NOT NULL"
                + " ORDER BY sent_at", SUMMARY, month).stream().findFirst();
    }

    List<Delivery> deliveries(String reportId) {
        return jdbc.query("""
                SELECT recipient, delivered_at, transport, reference FROM monthly_report_delivery
                WHERE report_id = ? ORDER BY delivered_at, recipient""",
                (rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4)), reportId);
    }

    void recordDelivery(String reportId, String recipient, OffsetDateTime at, String transport, String reference) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                INSERT INTO monthly_report_delivery (report_id, recipient, delivered_at, transport, reference)
                VALUES (?, ?, ?, ?, ?)""", reportId, recipient, at, transport, reference));
    }

    void markSent(String reportId, OffsetDateTime at) {
        ownTransaction.executeWithoutResult(tx ->
                jdbc.update("UPDATE monthly_report SET sent_at = ? WHERE report_id = ? AND sent_at IS NULL", at, reportId));
    }

    private static List<String> split(String recipients) {
        return recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(","));
    }
}

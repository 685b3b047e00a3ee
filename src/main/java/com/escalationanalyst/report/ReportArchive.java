package com.escalationanalyst.report;

import com.escalationanalyst.report.StoredReport.Delivery;
import com.escalationanalyst.report.StoredReport.Refusal;
import com.escalationanalyst.report.StoredReport.Summary;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL of the report archive. Reports and their recipients are written in the process's transaction;
 * deliveries, refusals and the "sent" mark in transactions of their own, so a send job that fails later
 * keeps them.
 */
@Repository
class ReportArchive {

    private static final String SUMMARY_COLUMNS =
            "report_id, report_month, subject, trigger_source, created_at, send_requested, sent_at, process_instance_id";
    private static final String DELIVERED = "delivered";
    private static final String REFUSED = "refused";
    /** The width of the address and reason columns. */
    private static final int COLUMN_LENGTH = 1000;

    private static final RowMapper<Summary> SUMMARY = (rs, n) -> new Summary(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getBoolean(6),
            rs.getObject(7, OffsetDateTime.class), rs.getString(8));

    private record Recipient(String address, String refusal) {
    }

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
                    chart_png, numbers, process_instance_id, created_at, send_requested, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""",
                report.reportId(), report.month(), report.timeZone(), report.trigger(), report.subject(), report.html(),
                report.text(), report.chartPng(), report.numbers(), report.processInstanceId(), report.createdAt(),
                report.sendRequested());
        List<Object[]> rows = new ArrayList<>();
        for (String recipient : report.recipients()) {
            rows.add(new Object[] {report.reportId(), rows.size(), recipient, null});
        }
        for (Refusal refused : report.refusedRecipients()) {
            rows.add(new Object[] {report.reportId(), rows.size(), shorten(refused.recipient()), shorten(refused.reason())});
        }
        jdbc.batchUpdate("INSERT INTO monthly_report_recipient (report_id, position, address, refusal) VALUES (?, ?, ?, ?)",
                rows);
    }

    Optional<StoredReport> find(String reportId) {
        List<Recipient> recipients = jdbc.query(
                "SELECT address, refusal FROM monthly_report_recipient WHERE report_id = ? ORDER BY position",
                (rs, n) -> new Recipient(rs.getString(1), rs.getString(2)), reportId);
        return jdbc.query("SELECT * FROM monthly_report WHERE report_id = ?", (rs, n) -> {
            OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
            return new StoredReport(rs.getString("report_id"), rs.getString("report_month"), rs.getString("time_zone"),
                    rs.getString("trigger_source"), rs.getString("subject"), rs.getString("html"),
                    rs.getString("text_body"), rs.getBytes("chart_png"),
                    recipients.stream().filter(r -> r.refusal() == null).map(Recipient::address).toList(),
                    recipients.stream().filter(r -> r.refusal() != null).map(r -> new Refusal(r.address(), r.refusal(),
                            StoredReport.REFUSED_BY_CONFIGURATION, createdAt)).toList(),
                    rs.getString("numbers"), rs.getString("process_instance_id"), createdAt,
                    rs.getBoolean("send_requested"), rs.getObject("sent_at", OffsetDateTime.class));
        }, reportId).stream().findFirst();
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

    /** The recipients that received the report. */
    List<Delivery> deliveries(String reportId) {
        return jdbc.query("""
                SELECT recipient, delivered_at, transport, reference FROM monthly_report_delivery
                WHERE report_id = ? AND status = ? ORDER BY delivered_at, recipient""",
                (rs, n) -> new Delivery(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4)), reportId, DELIVERED);
    }

    /** The recipients a mail server refused for good. */
    List<Refusal> refusals(String reportId) {
        return jdbc.query("""
                SELECT recipient, reason, transport, delivered_at FROM monthly_report_delivery
                WHERE report_id = ? AND status = ? ORDER BY delivered_at, recipient""",
                (rs, n) -> new Refusal(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)), reportId, REFUSED);
    }

    /** The recipients a send is done with: delivered or refused. */
    Set<String> settledRecipients(String reportId) {
        return jdbc.queryForList("SELECT recipient FROM monthly_report_delivery WHERE report_id = ?", String.class, reportId)
                .stream().collect(Collectors.toSet());
    }

    void recordDelivery(String reportId, String recipient, OffsetDateTime at, String transport, String reference) {
        record(reportId, recipient, at, transport, reference, DELIVERED, null);
    }

    void recordRefusal(String reportId, String recipient, OffsetDateTime at, String transport, String reference,
                       String reason) {
        record(reportId, recipient, at, transport, reference, REFUSED, shorten(reason));
    }

    private void record(String reportId, String recipient, OffsetDateTime at, String transport, String reference,
                        String status, String reason) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                INSERT INTO monthly_report_delivery (report_id, recipient, delivered_at, transport, reference, status, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", reportId, recipient, at, transport, reference, status, reason));
    }

    void markSent(String reportId, OffsetDateTime at) {
        ownTransaction.executeWithoutResult(tx ->
                jdbc.update("UPDATE monthly_report SET sent_at = ? WHERE report_id = ? AND sent_at IS NULL", at, reportId));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= COLUMN_LENGTH ? text : text.substring(0, COLUMN_LENGTH - 1) + "…";
    }
}

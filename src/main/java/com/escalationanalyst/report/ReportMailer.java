package com.escalationanalyst.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a stored report, one message per recipient (HTML with the chart as an inline CID image, and
 * the plain-text alternative). Each recipient is recorded as soon as its message was handed over, in a
 * transaction of its own; a send that fails part-way is retried for the others only, so nobody gets the
 * report twice.
 */
@Component
class ReportMailer {

    private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);
    static final String REPORT_ID_HEADER = "X-Escalation-Report-Id";
    static final String REPORT_MONTH_HEADER = "X-Escalation-Report-Month";

    record Outcome(int delivered, int alreadyDelivered) {
    }

    private final ReportArchive archive;
    private final MailTransport transport;
    private final ReportSettings settings;
    private final Clock clock;

    ReportMailer(ReportArchive archive, MailTransport transport, ReportSettings settings, Clock clock) {
        this.archive = archive;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    Outcome send(String reportId) {
        StoredReport report = archive.find(reportId)
                .orElseThrow(() -> new IllegalStateException("Report " + reportId + " is not in the archive"));
        Set<String> done = archive.deliveries(reportId).stream().map(StoredReport.Delivery::recipient)
                .collect(Collectors.toSet());
        int delivered = 0;
        for (String recipient : report.recipients()) {
            if (done.contains(recipient)) {
                continue;
            }
            String reference;
            try {
                reference = transport.deliver(message(report, recipient));
            } catch (MessagingException | MailException e) {
                throw new IllegalStateException("Report " + reportId + " could not be sent to " + recipient + " by "
                        + transport.name() + " (" + delivered + " sent in this attempt, " + done.size()
                        + " before): " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("Report " + reportId + " could not be written to the outbox for "
                        + recipient + ": " + e.getMessage(), e);
            }
            archive.recordDelivery(reportId, recipient, now(), transport.name(), reference);
            delivered++;
        }
        archive.markSent(reportId, now());
        log.info("Report {} ({}) sent to {} recipients by {}, {} had it already", reportId, report.month(), delivered,
                transport.name(), done.size());
        return new Outcome(delivered, done.size());
    }

    private MimeMessage message(StoredReport report, String recipient) throws MessagingException {
        MimeMessage message = transport.newMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(recipient);
        helper.setSubject(report.subject());
        helper.setSentDate(Date.from(clock.instant()));
        // the text first: inline parts can only be added after it
        helper.setText(report.text(), report.html());
        helper.addInline(ReportRenderer.CHART_CID, new ByteArrayResource(report.chartPng()), "image/png");
        message.setHeader(REPORT_ID_HEADER, report.reportId());
        message.setHeader(REPORT_MONTH_HEADER, report.month());
        return message;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

package com.escalationanalyst.report;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
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
 * report twice. A recipient the server refuses for good (5xx) is recorded as refused and not tried again;
 * one it refuses for now (4xx) does not hold up the others, but fails the send afterwards so the job is
 * retried for it.
 */
@Component
class ReportMailer {

    private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);
    static final String REPORT_ID_HEADER = "X-Escalation-Report-Id";
    static final String REPORT_MONTH_HEADER = "X-Escalation-Report-Month";

    /** What this attempt did: delivered, found delivered by an earlier attempt, refused for good. */
    record Outcome(int delivered, int alreadyDelivered, int refused) {
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
        Set<String> settled = archive.settledRecipients(reportId);
        int alreadyDelivered = archive.deliveries(reportId).size();
        int delivered = 0;
        int refused = 0;
        List<String> postponed = new ArrayList<>();
        for (String recipient : report.recipients()) {
            if (settled.contains(recipient)) {
                continue;
            }
            InternetAddress to = AddressList.sendable(recipient);
            ReportMessage message = transport.newMessage(reportId, report.month(), to.getAddress());
            String reference;
            try {
                reference = transport.deliver(fill(message, report, to));
            } catch (SendFailedException e) {
                if (contains(e.getInvalidAddresses(), to)) {
                    String reason = reason(e);
                    archive.recordRefusal(reportId, recipient, now(), transport.name(), message.messageId(), reason);
                    log.warn("Report {} ({}) refused for {} by {}: {} (recorded; not sent again)", reportId, report.month(),
                            recipient, transport.name(), reason);
                    refused++;
                    continue;
                }
                if (contains(e.getValidUnsentAddresses(), to)) {
                    String reason = reason(e);
                    log.warn("Report {} ({}) not taken for {} by {} for now: {} (the send is retried)", reportId,
                            report.month(), recipient, transport.name(), reason);
                    postponed.add(recipient + ": " + reason);
                    continue;
                }
                throw failure(report, recipient, delivered, alreadyDelivered, e);
            } catch (MessagingException | MailException e) {
                throw failure(report, recipient, delivered, alreadyDelivered, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Report " + reportId + " could not be written to the outbox for "
                        + recipient + ": " + e.getMessage(), e);
            }
            archive.recordDelivery(reportId, recipient, now(), transport.name(), reference);
            delivered++;
        }
        if (!postponed.isEmpty()) {
            throw new IllegalStateException("Report " + reportId + " could not be sent to " + String.join("; ", postponed)
                    + " yet (" + delivered + " sent in this attempt, " + alreadyDelivered + " before)");
        }
        if (delivered + alreadyDelivered > 0) {
            archive.markSent(reportId, now());
        } else {
            log.warn("Report {} ({}) reached nobody: every recipient was refused; it is not marked as sent", reportId,
                    report.month());
        }
        log.info("Report {} ({}) sent to {} recipients by {}, {} had it already, {} refused now", reportId, report.month(),
                delivered, transport.name(), alreadyDelivered, refused);
        return new Outcome(delivered, alreadyDelivered, refused);
    }

    private ReportMessage fill(ReportMessage message, StoredReport report, InternetAddress to) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(report.subject());
        helper.setSentDate(Date.from(clock.instant()));
        // the text first: inline parts can only be added after it
        helper.setText(report.text(), report.html());
        helper.addInline(ReportRenderer.CHART_CID, new ByteArrayResource(report.chartPng()), "image/png");
        message.setHeader(REPORT_ID_HEADER, report.reportId());
        message.setHeader(REPORT_MONTH_HEADER, report.month());
        return message;
    }

    private IllegalStateException failure(StoredReport report, String recipient, int delivered, int before, Exception e) {
        return new IllegalStateException("Report " + report.reportId() + " could not be sent to " + recipient + " by "
                + transport.name() + " (" + delivered + " sent in this attempt, " + before + " before): " + e.getMessage(), e);
    }

    private static boolean contains(Address[] addresses, InternetAddress to) {
        if (addresses == null) {
            return false;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && to.getAddress().equalsIgnoreCase(internet.getAddress())) {
                return true;
            }
        }
        return false;
    }

    /** The server's own answer (e.g. "550 5.1.1 … user unknown"), which JavaMail chains behind its summary. */
    private static String reason(SendFailedException e) {
        Exception next = e.getNextException();
        String text = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text.strip();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

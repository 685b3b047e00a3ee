package com.escalationanalyst.report;

import com.escalationanalyst.config.CostSettings;
import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.config.SettingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The monthly report's configuration ({@link ReportProperties}, the business zone, the agent cost), checked at
 * start: a bad cron, zone or sender stops the application
 * with a message naming the property, rather than failing on the 1st of the month. A malformed recipient
 * does not: it would keep every other recipient from getting the report. It is named in the log once, here,
 * and listed as refused with each report.
 */
@Component
public class ReportSettings {

    static final String RECIPIENTS_PROPERTY = "escalation.report.recipients";

    private static final Logger log = LoggerFactory.getLogger(ReportSettings.class);

    private final ZoneId zone;
    private final CronExpression cron;
    private final String cronText;
    private final List<String> recipients;
    private final List<AddressList.Refused> refusedRecipients;
    private final List<String> recipientGroups;
    private final String from;
    private final Path outbox;
    private final BigDecimal agentCostPerHour;
    private final String currency;

    @Autowired
    ReportSettings(ReportProperties report, EscalationSettings escalation, CostSettings cost) {
        this(escalation.timeZone(), report.cron(), report.recipients(), report.recipientGroups(), report.recipientGroup(),
                report.from(), report.outbox() != null ? report.outbox() : escalation.dataDir().resolve("outbox"), cost);
    }

    ReportSettings(ZoneId zone, String cron, String recipients, List<String> recipientGroups, String recipientGroup,
                   String from, Path outbox, CostSettings cost) {
        this.zone = zone;
        try {
            this.cron = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new SettingException("escalation.report.cron", "'" + cron + "' is not a cron expression: "
                    + e.getMessage(), "Set escalation.report.cron to six fields: second minute hour day-of-month month "
                    + "day-of-week, e.g. 0 0 6 1 * ? (06:00 on the 1st, in escalation.time-zone).", e);
        }
        this.cronText = cron;
        AddressList.Parsed parsed = AddressList.parse(recipients);
        this.recipients = List.copyOf(parsed.accepted());
        this.refusedRecipients = List.copyOf(parsed.refused());
        for (AddressList.Refused refused : refusedRecipients) {
            log.warn("{}: '{}' is not an e-mail address ({}); the monthly report goes to the other recipients "
                    + "and lists this one as refused", RECIPIENTS_PROPERTY, refused.address(), refused.reason());
        }
        List<String> groups = new ArrayList<>();
        for (String group : recipientGroups) {
            if (!group.isBlank() && !groups.contains(group.trim())) {
                groups.add(group.trim());
            }
        }
        if (recipientGroup != null && !recipientGroup.isBlank() && !groups.contains(recipientGroup.trim())) {
            groups.add(recipientGroup.trim());
        }
        this.recipientGroups = List.copyOf(groups);
        this.from = sender(from);
        this.outbox = outbox;
        this.agentCostPerHour = cost.agentCostPerHour();
        this.currency = cost.currency();
    }

    private static String sender(String from) {
        try {
            return new InternetAddress(from.trim(), true).toUnicodeString();
        } catch (AddressException e) {
            throw new IllegalStateException("escalation.report.from: '" + from + "' is not an e-mail address ("
                    + e.getMessage() + ")", e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public CronExpression cron() {
        return cron;
    }

    public String cronText() {
        return cronText;
    }

    /** The configured recipients that are e-mail addresses, display names kept, each mailbox once. */
    public List<String> recipients() {
        return recipients;
    }

    /** The configured recipients that are not e-mail addresses. */
    List<AddressList.Refused> refusedRecipients() {
        return refusedRecipients;
    }

    /** The Camunda groups whose members (with an e-mail address) receive the report, in order, each once. */
    public List<String> recipientGroups() {
        return recipientGroups;
    }

    public String from() {
        return from;
    }

    public Path outbox() {
        return outbox;
    }

    public BigDecimal agentCostPerHour() {
        return agentCostPerHour;
    }

    public String currency() {
        return currency;
    }
}

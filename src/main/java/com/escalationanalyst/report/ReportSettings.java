package com.escalationanalyst.report;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The monthly report's configuration, checked at start: a bad cron, zone or recipient address stops
 * the application with a message naming the property, rather than failing on the 1st of the month.
 */
@Component
public class ReportSettings {

    private final ZoneId zone;
    private final CronExpression cron;
    private final String cronText;
    private final List<String> recipients;
    private final String recipientGroup;
    private final String from;
    private final Path outbox;
    private final BigDecimal agentCostPerHour;
    private final String currency;

    ReportSettings(@Value("${escalation.time-zone:UTC}") ZoneId zone,
                   @Value("${escalation.report.cron:0 0 6 1 * ?}") String cron,
                   @Value("${escalation.report.recipients:}") String recipients,
                   @Value("${escalation.report.recipient-group:}") String recipientGroup,
                   @Value("${escalation.report.from:escalation-analyst@localhost}") String from,
                   @Value("${escalation.report.outbox:${escalation.data-dir:./data}/outbox}") Path outbox,
                   @Value("${escalation.cost.agent-cost-per-hour:38.00}") BigDecimal agentCostPerHour,
                   @Value("${escalation.cost.currency:USD}") String currency) {
        this.zone = zone;
        try {
            this.cron = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("escalation.report.cron: '" + cron + "' is not a cron expression "
                    + "(six fields: second minute hour day-of-month month day-of-week, e.g. 0 0 6 1 * ?): "
                    + e.getMessage(), e);
        }
        this.cronText = cron;
        this.recipients = addresses("escalation.report.recipients", recipients);
        this.recipientGroup = recipientGroup == null ? "" : recipientGroup.trim();
        this.from = sender(from);
        this.outbox = outbox;
        if (agentCostPerHour.signum() <= 0) {
            throw new IllegalStateException("escalation.cost.agent-cost-per-hour: must be above 0, is " + agentCostPerHour);
        }
        this.agentCostPerHour = agentCostPerHour;
        this.currency = currency;
    }

    /** Comma-separated addresses, each checked strictly (RFC 822); an empty text is no address. */
    static List<String> addresses(String property, String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String part : Arrays.stream(text.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList()) {
            try {
                InternetAddress address = new InternetAddress(part, true);
                if (!result.contains(address.getAddress())) {
                    result.add(address.getAddress());
                }
            } catch (AddressException e) {
                throw new IllegalStateException(property + ": '" + part + "' is not an e-mail address ("
                        + e.getMessage() + ")", e);
            }
        }
        return result;
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

    public List<String> recipients() {
        return recipients;
    }

    public String recipientGroup() {
        return recipientGroup;
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

package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.escalationanalyst.config.CostSettings;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The schedule's arithmetic and the report settings' checks, without an engine. */
class ReportScheduleTest {

    static ReportSettings settings(String zone, String cron, String recipients) {
        return new ReportSettings(ZoneId.of(zone), cron, recipients, List.of(), "", "reports@example.com", Path.of("outbox"),
                new CostSettings(new BigDecimal("38.00"), "USD"));
    }

    @Test
    void recipientGroupsAreTheRolesEachOnceWithTheOlderSingleGroupAdded() {
        ReportSettings settings = new ReportSettings(ZoneId.of("UTC"), "0 0 6 1 * ?", "", List.of(" vpCustomerExperience",
                "supportTeamLeads", "vpCustomerExperience", ""), "escalationReportRecipients", "reports@example.com",
                Path.of("outbox"), new CostSettings(new BigDecimal("38.00"), "USD"));
        assertThat(settings.recipientGroups()).containsExactly("vpCustomerExperience", "supportTeamLeads",
                "escalationReportRecipients");
    }

    @Test
    void theCronInTheEngineZoneNamesTheDueInstant() {
        // 06:00 New York on 1 November 2026 (EST) is 11:00 UTC and 22:00 in Sydney (AEDT, +11)
        Instant due = Instant.parse("2026-11-01T11:00:00Z");
        assertThat(MonthlyReportSchedule.cronFor(due, ZoneId.of("UTC"))).isEqualTo("0 0 11 1 11 ?");
        assertThat(MonthlyReportSchedule.cronFor(due, ZoneId.of("Australia/Sydney"))).isEqualTo("0 0 22 1 11 ?");
        assertThat(MonthlyReportSchedule.cronFor(due, ZoneId.of("America/New_York"))).isEqualTo("0 0 6 1 11 ?");
    }

    @Test
    void nextDueFollowsDaylightSavingInTheBusinessZone() {
        MonthlyReportSchedule schedule = new MonthlyReportSchedule(settings("America/New_York", "0 0 6 1 * ?", ""),
                null, null, null);
        // before the autumn change: 1 November 06:00 EST = 11:00 UTC; after the spring change: 1 April 06:00 EDT = 10:00 UTC
        assertThat(schedule.nextDueAfter(Instant.parse("2026-10-15T00:00:00Z")).toInstant())
                .isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));
        assertThat(schedule.nextDueAfter(Instant.parse("2027-03-15T00:00:00Z")).toInstant())
                .isEqualTo(Instant.parse("2027-04-01T10:00:00Z"));
        // exactly at the due instant, the next is a month later
        assertThat(schedule.nextDueAfter(Instant.parse("2026-11-01T11:00:00Z")).toInstant())
                .isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
    }

    @Test
    void badSettingsNameTheProperty() {
        assertThatThrownBy(() -> settings("UTC", "0 0 6 1 * ? 2027", ""))
                .hasMessageContaining("escalation.report.cron").hasMessageContaining("0 0 6 1 * ? 2027");
        assertThat(settings("UTC", "0 0 6 1 * ?", " a@example.com, b@example.com ,a@example.com").recipients())
                .containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void aMalformedRecipientDoesNotStopTheStartItIsLoggedOnceAndKeptAsRefused() {
        Logger logger = (Logger) LoggerFactory.getLogger(ReportSettings.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ReportSettings settings;
        try {
            settings = settings("UTC", "0 0 6 1 * ?", "vp@example.com, not an address, \"Doe, Jane\" <jane.doe@example.com>");
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(settings.recipients()).containsExactly("vp@example.com", "\"Doe, Jane\" <jane.doe@example.com>");
        assertThat(settings.refusedRecipients()).containsExactly(
                new AddressList.Refused("not an address", "Local address contains control or whitespace"));
        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("escalation.report.recipients: 'not an address' "
                + "is not an e-mail address (Local address contains control or whitespace); the monthly report goes to "
                + "the other recipients and lists this one as refused");
    }
}

package com.escalationanalyst.report;

import com.escalationanalyst.process.ProcessIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the monthly report is due: {@code escalation.report.cron} read in the business zone
 * ({@code escalation.time-zone}), whatever the JVM's zone is.
 *
 * <p>The timer start event is in the schedule pool of MonthlyEscalationReportProcess.bpmn (a process cannot
 * have both a start form and a timer start). The engine reads a timer's cron in the JVM's default zone, so its cycle is
 * {@code ${monthlyReportSchedule.cron()}}: a cron naming exactly the next due instant, written in the JVM's
 * zone. The engine evaluates it when the process is deployed and, with {@code reevaluateTimeCycleWhenDue},
 * again each time the timer fires, so every month's due date is computed afresh in the business zone and
 * daylight-saving changes are followed. See docs/adr/0006.
 */
@Component("monthlyReportSchedule")
public class MonthlyReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportSchedule.class);

    private final ReportSettings settings;
    private final Clock clock;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;

    MonthlyReportSchedule(ReportSettings settings, Clock clock, RepositoryService repositoryService,
                          ManagementService managementService) {
        this.settings = settings;
        this.clock = clock;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
    }

    /** The first due instant strictly after {@code instant}, in the business zone. */
    public ZonedDateTime nextDueAfter(Instant instant) {
        ZonedDateTime next = settings.cron().next(instant.atZone(settings.zone()));
        if (next == null) {
            throw new IllegalStateException("escalation.report.cron '" + settings.cronText() + "' never fires again");
        }
        return next;
    }

    /** The timer's cycle: a cron in the JVM's zone for the next due instant. */
    public String cron() {
        return cronFor(nextDueAfter(clock.instant()).toInstant(), ZoneId.systemDefault());
    }

    static String cronFor(Instant due, ZoneId engineZone) {
        ZonedDateTime local = due.atZone(engineZone);
        // no year field (the engine's cron has none): the instant is less than a year ahead
        return String.format(Locale.ROOT, "%d %d %d %d %d ?", local.getSecond(), local.getMinute(), local.getHour(),
                local.getDayOfMonth(), local.getMonthValue());
    }

    /**
     * Brings a waiting timer in line with the configuration (after a change of cron or zone). A timer
     * that is already due is left alone: it fires, late, rather than skip a month.
     */
    // before StartupLock lets the next node in
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @EventListener(ApplicationReadyEvent.class)
    public Instant alignTimer() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT_SCHEDULE).latestVersion().singleResult();
        if (definition == null) {
            return null;
        }
        Job timer = managementService.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();
        if (timer == null) {
            log.warn("The monthly report has no timer: process definition {} is suspended or was deployed without one",
                    definition.getId());
            return null;
        }
        Instant now = clock.instant();
        Instant due = nextDueAfter(now).toInstant();
        Instant current = timer.getDuedate().toInstant();
        if (current.isAfter(now) && !current.equals(due)) {
            managementService.setJobDuedate(timer.getId(), Date.from(due));
            log.info("Monthly report timer moved from {} to {} ({} in {})", current, due, settings.cronText(), settings.zone());
            return due;
        }
        log.info("Monthly report due at {} ({})", current, current.atZone(settings.zone()));
        return current;
    }
}

package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.process.ProcessIds;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The monthly report end to end: timer in the business zone across daylight-saving changes, the API,
 * GreenMail as the SMTP server (one message per recipient, HTML + text + inline chart), an SMTP outage
 * with retries and an incident, exactly-once delivery with a Message-ID per report and mailbox, and
 * recipients that are refused: one configured recipient is not an address, and the server refuses others
 * when a test says so. Jobs run by hand (job executor off). Every expected number comes from the fixture
 * through a second, plain implementation written here.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "escalation.time-zone=America/New_York",
    "camunda.bpm.job-execution.enabled=false",
    "escalation.report.recipients=vp-cx@example.com, \"Doe, Jane\" <jane.doe@example.com>, leads@example.com, "
            + "not an address",
    "escalation.report.recipient-group=" + MonthlyReportProcessIT.GROUP,
    // the fixture has tickets on days 1-28 of each month only: October's 29th and 30th are two days without
    "escalation.report.freshness.max-missing-days=3",
    "spring.mail.host=127.0.0.1",
    "spring.mail.properties.mail.smtp.connectiontimeout=3000",
    "spring.mail.properties.mail.smtp.timeout=3000"})
class MonthlyReportProcessIT {

    static final String GROUP = "reportReaders";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String HOSTILE_CODE = "<script>alert(1)</script>";
    static final String HOSTILE_AREA = "Refunds <script>alert('area')</script>";
    static final double COST_PER_HOUR = 42.5;
    /** Reason codes of the fixture, mapped by hand from knowledge/escalation-policies/reason-codes.yaml. */
    static final Map<String, String> ROOT_CAUSE = Map.of("BUG-CONFIRMED", "product_bug", "AGENT-MISDIAGNOSIS",
            "training_gap", "REFUND-EXCEPTION", "policy_gap", HOSTILE_CODE, "unclassified");
    static final String KI_318_NOTE = "New team members are not getting the scheduled dashboard e-mail, older members "
            + "receive it fine. <script>alert('note')</script>";

    static final String JANE = "\"Doe, Jane\" <jane.doe@example.com>";
    /** The first 16 hex digits of SHA-256 of each mailbox, from sha256sum. */
    static final Map<String, String> MAILBOX_HASH = Map.of("vp-cx@example.com", "d3324bcb1012d990",
            "jane.doe@example.com", "86e0b9e56c17cc4d", "leads@example.com", "a919337d01731c5c",
            "lead.emea@example.com", "99ba03ee28c84036");
    static final String USER_UNKNOWN = "550 5.1.1 <leads@example.com>: Recipient address rejected: User unknown";

    static final int SMTP_PORT = freePort();
    static RefusingGreenMail smtp = startSmtp();

    record T(String id, Instant created, boolean escalated, String code, String area, Integer handle, String notes) {
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
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
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MonthlyReportSchedule schedule;
    @Autowired
    ReportMailer mailer;

    Api api;
    JdbcTemplate jdbc;
    final List<T> tickets = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        api = new Api(port);
        jdbc = TestStores.empty(dataSource);
        jdbc.update("DELETE FROM monthly_report_delivery");
        jdbc.update("DELETE FROM monthly_report");
        smtp.purgeEmailFromAllMailboxes();
        smtp.acceptEveryone();
        runtimeService.createProcessInstanceQuery().list()
                .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test reset", true, true, true, true));
        // the group exists from the start (every configured recipient group is created empty); its members do not
        assertThat(identityService.createGroupQuery().groupId(GROUP).count()).isOne();
        if (identityService.createUserQuery().userId("leadEmea").count() == 0) {
            User lead = identityService.newUser("leadEmea");
            lead.setEmail("lead.emea@example.com");
            lead.setPassword("irrelevant-" + System.nanoTime());
            identityService.saveUser(lead);
            User noMail = identityService.newUser("leadNoMail");
            noMail.setPassword("irrelevant-" + System.nanoTime());
            identityService.saveUser(noMail);
            identityService.createMembership("leadEmea", GROUP);
            identityService.createMembership("leadNoMail", GROUP);
        }
        // eight months, March to October 2026 in New York time; October has more escalations
        for (int m = 0; m < 8; m++) {
            YearMonth month = YearMonth.of(2026, 3 + m);
            int total = 30 + 2 * m;
            for (int i = 0; i < total; i++) {
                ZonedDateTime created = month.atDay(1 + i % 28).atTime(12, 0).atZone(NEW_YORK).plusMinutes(i);
                boolean escalated = m == 7 ? i % 3 == 0 : i % 5 == 0;
                String code = escalated ? new String[] {"BUG-CONFIRMED", "AGENT-MISDIAGNOSIS", "BUG-CONFIRMED",
                    "REFUND-EXCEPTION", HOSTILE_CODE}[(i / 3 + m) % 5] : null;
                String area = "REFUND-EXCEPTION".equals(code) ? HOSTILE_AREA : (i % 2 == 0 ? "Notifications" : "Billing");
                Integer handle = i % 11 == 0 ? null : 15 + (i * 7) % 50;
                String notes = m == 7 && "BUG-CONFIRMED".equals(code) && area.equals("Notifications") ? KI_318_NOTE : null;
                tickets.add(new T("R-" + m + "-" + i, created.toInstant(), escalated, code, area, handle, notes));
            }
        }
        // the month's edges in New York: 23:50 on 31 October is October (03:50 UTC on 1 November); 00:05 on 1 November is not
        tickets.add(new T("EDGE-IN", ZonedDateTime.of(2026, 10, 31, 23, 50, 0, 0, NEW_YORK).toInstant(), true,
                "BUG-CONFIRMED", "Notifications", 60, null));
        tickets.add(new T("EDGE-OUT", ZonedDateTime.of(2026, 11, 1, 0, 5, 0, 0, NEW_YORK).toInstant(), true,
                "BUG-CONFIRMED", "Notifications", 60, null));
        importTickets();
    }

    /** Imports the fixture's tickets (again: a ticket already there is updated to the same values). */
    void importTickets() {
        Csv csv = new Csv(TicketCsvFormat.COLUMNS);
        for (T t : tickets) {
            csv.row("ticket_id", t.id(), "created_at", t.created().toString(), "status", "closed", "priority", "normal",
                    "product_area", t.area(), "account_id", "ACC-1", "subject", "Ticket " + t.id(),
                    "escalated", Boolean.toString(t.escalated()),
                    "escalated_at", t.escalated() ? t.created().plusSeconds(3600).toString() : "",
                    "escalation_reason_code", t.code() == null ? "" : t.code(),
                    "handle_time_minutes", t.handle() == null ? "" : t.handle().toString(),
                    "resolution_type", "fixed", "resolved_at", t.created().plusSeconds(5 * 3600).toString(),
                    "resolution_notes", t.notes() == null ? "Resolved." : t.notes());
        }
        assertThat(api.post("/api/import/tickets", "text/csv", csv.bytes()).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    // ---- the second implementation: the definitions of docs/design.md, "Metric definitions", over the fixture list ----

    List<T> in(YearMonth month) {
        return tickets.stream().filter(t -> YearMonth.from(t.created().atZone(NEW_YORK)).equals(month)).toList();
    }

    double rate(YearMonth month) {
        List<T> all = in(month);
        return all.stream().filter(T::escalated).count() * 100.0 / all.size();
    }

    long escalations(YearMonth month, String rootCause) {
        return in(month).stream().filter(t -> t.escalated() && ROOT_CAUSE.get(t.code()).equals(rootCause)).count();
    }

    /** Σ over root causes of escalations × mean handle minutes (of those that have one) / 60 × cost per hour. */
    double expectedCost(YearMonth month) {
        double total = 0;
        for (String cause : new TreeSet<>(ROOT_CAUSE.values())) {
            List<T> esc = in(month).stream().filter(t -> t.escalated() && ROOT_CAUSE.get(t.code()).equals(cause)).toList();
            List<Integer> handles = esc.stream().map(T::handle).filter(h -> h != null).toList();
            if (!handles.isEmpty()) {
                double mean = handles.stream().mapToInt(Integer::intValue).average().orElseThrow();
                total += esc.size() * mean / 60 * COST_PER_HOUR;
            }
        }
        return total;
    }

    /**
     * "up"/"down" when the two-proportion z-test (pooled) puts |z| beyond 1.959964, the two-sided 5 % point, and
     * the rate moved by at least 10 % of itself; otherwise "stable" with the signed change.
     */
    String expectedSubject(YearMonth month) {
        List<T> now = in(month);
        List<T> before = in(month.minusMonths(1));
        double e1 = now.stream().filter(T::escalated).count();
        double e0 = before.stream().filter(T::escalated).count();
        double pooled = (e1 + e0) / (now.size() + before.size());
        double z = (e1 / now.size() - e0 / before.size())
                / Math.sqrt(pooled * (1 - pooled) * (1.0 / now.size() + 1.0 / before.size()));
        double change = rate(month) - rate(month.minusMonths(1));
        boolean trend = Math.abs(z) > 1.959964 && Math.abs(change) / rate(month.minusMonths(1)) >= 0.10;
        String name = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        String previous = month.minusMonths(1).getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        return trend
                ? String.format(Locale.ROOT, "Escalations %s: %.2f%% (%s %.2f pts from %s)", name, rate(month),
                        change > 0 ? "up" : "down", Math.abs(change), previous)
                : String.format(Locale.ROOT, "Escalations %s: %.2f%% (stable, %+.2f pts from %s)", name, rate(month),
                        change, previous);
    }

    /**
     * A root cause's direction by the exact conditional binomial test, every term of Binomial(x0 + x1, n1 / (n0 + n1))
     * summed directly: p = min(1, 2 x the smaller tail); a trend below 0.05 with a rate change of at least 10 %.
     */
    String expectedDirection(YearMonth month, String rootCause) {
        long x1 = escalations(month, rootCause);
        long x0 = escalations(month.minusMonths(1), rootCause);
        double n1 = in(month).size();
        double n0 = in(month.minusMonths(1)).size();
        int n = (int) (x0 + x1);
        double p = n1 / (n0 + n1);
        double lower = 0;
        double upper = 0;
        for (int k = 0; k <= n; k++) {
            double term = 1;
            for (int j = 1; j <= k; j++) {
                term *= (double) (n - k + j) / j;
            }
            term *= Math.pow(p, k) * Math.pow(1 - p, n - k);
            lower += k <= x1 ? term : 0;
            upper += k >= x1 ? term : 0;
        }
        double pValue = Math.min(1, 2 * Math.min(lower, upper));
        double rate1 = x1 / n1;
        double rate0 = x0 / n0;
        boolean material = rate0 == 0 ? rate1 > 0 : Math.abs(rate1 - rate0) / rate0 >= 0.10;
        return pValue < 0.05 && material ? (rate1 > rate0 ? "increasing" : "decreasing") : "stable";
    }

    // ---- tests ----

    @Test
    void theTimerFiresAt0600NewYorkTimeOnTheFirstAndReportsOctoberInThatZone() throws Exception {
        ClockUtil.setCurrentTime(at(2026, 10, 20, 12, 0));
        assertThat(schedule.alignTimer()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z")); // 06:00 EST
        Job timer = timer();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-01T11:00:00Z"));

        ClockUtil.setCurrentTime(at(2026, 11, 1, 5, 59));
        assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(at(2026, 11, 1, 6, 0));
        assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
        managementService.executeJob(timer.getId());

        String instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT).singleResult().getId();
        assertThat(runtimeService.getVariable(instance, ReportVariables.TRIGGER)).isEqualTo(ReportVariables.TRIGGER_TIMER);
        assertThat(runtimeService.getVariable(instance, ReportVariables.REPORT_MONTH)).isEqualTo("2026-10");
        JsonNode october = json(runtimeService.getVariable(instance, ReportVariables.REPORT_MONTH_FIGURES));
        List<T> expected = in(YearMonth.of(2026, 10));
        assertThat(expected).extracting(T::id).contains("EDGE-IN").doesNotContain("EDGE-OUT");
        assertThat(october.get("totalTickets").asLong()).isEqualTo(expected.size());
        assertThat(october.get("escalatedTickets").asLong()).isEqualTo(expected.stream().filter(T::escalated).count());
        // the next timer: 1 December 06:00 EST
        assertThat(timer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));

        managementService.executeJob(sendJob(instance).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        // a second timer run for the same month ends without building or sending anything
        String again = runtimeService.createProcessInstanceByKey(ProcessIds.MONTHLY_ESCALATION_REPORT_SCHEDULE)
                .startBeforeActivity("StartEvent_FirstOfMonth").execute().getId();
        String againReport = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(again)
                .singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(againReport)
                .activityId("EndEvent_AlreadySent").count()).isOne();
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isOne();
    }

    @Test
    void afterTheSpringChangeTheTimerIsDueAt0600DaylightTimeWhateverTheJvmZone() throws Exception {
        // 10 March 2027 is still standard time (clocks go forward on 14 March); the waiting timer is overdue:
        // it fires, late, once, and the next one is computed from now, across the change
        ClockUtil.setCurrentTime(at(2027, 3, 10, 12, 0));
        managementService.executeJob(timer().getId());
        assertThat(timer().getDuedate().toInstant()).isEqualTo(Instant.parse("2027-04-01T10:00:00Z")); // 06:00 EDT
        ClockUtil.setCurrentTime(at(2027, 3, 20, 12, 0));
        assertThat(schedule.alignTimer()).isEqualTo(Instant.parse("2027-04-01T10:00:00Z"));
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            // the engine reads cron in the JVM zone; the cycle it re-reads on firing is written for that zone
            TimeZone.setDefault(TimeZone.getTimeZone("Australia/Sydney"));
            ClockUtil.setCurrentTime(at(2027, 4, 1, 6, 0));
            managementService.executeJob(timer().getId());
            assertThat(timer().getDuedate().toInstant()).isEqualTo(Instant.parse("2027-05-01T10:00:00Z"));
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        // both runs are for months (February, March 2027) no data was loaded for: each waits, held, at its
        // freshness job, saying so
        List<String> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT).list().stream().map(p -> p.getId()).toList();
        assertThat(instances).extracting(id -> runtimeService.getVariable(id, ReportVariables.REPORT_MONTH))
                .containsExactlyInAnyOrder("2027-02", "2027-03");
        for (String id : instances) {
            assertThat(managementService.createJobQuery().processInstanceId(id).activityId("Task_HoldUntilDataComplete")
                    .count()).isOne();
            assertThat(json(runtimeService.getVariable(id, ReportVariables.FRESHNESS)).get("reasons").toString())
                    .contains("the newest data load (import) ended at", "before the month ended");
        }
    }

    @Test
    void theApiRunMailsEveryRecipientOnceWithHtmlTextAndChartAndTheNumbersOfTheFixture() throws Exception {
        YearMonth october = YearMonth.of(2026, 10);
        JsonNode answer = run("{\"month\":\"2026-10\",\"agentCostPerHour\":42.5,\"send\":true}", 200);
        String reportId = answer.get("reportId").asText();
        String instance = answer.get("processInstanceId").asText();
        assertThat(answer.get("subject").asText()).isEqualTo(expectedSubject(october));
        // sending is asynchronous: nothing went out before the job ran
        assertThat(smtp.getReceivedMessages()).isEmpty();
        managementService.executeJob(sendJob(instance).getId());

        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(4);
        List<String> to = new ArrayList<>();
        for (MimeMessage message : messages) {
            assertThat(message.getAllRecipients()).hasSize(1);
            to.add(message.getAllRecipients()[0].toString());
            assertThat(message.getSubject()).isEqualTo(expectedSubject(october));
            Map<String, Part> parts = new TreeMap<>();
            collect(message, parts);
            assertThat(parts).containsKeys("text/plain", "text/html", "image/png");
            assertThat(parts.get("image/png").getHeader("Content-ID")[0]).isEqualTo("<" + ReportRenderer.CHART_CID + ">");
            try (InputStream png = parts.get("image/png").getInputStream()) {
                BufferedImage image = ImageIO.read(png);
                assertThat(image.getWidth()).isEqualTo(RateTrendChart.WIDTH);
                assertThat(image.getHeight()).isEqualTo(RateTrendChart.HEIGHT);
            }
            String html = (String) parts.get("text/html").getContent();
            Parser parser = Parser.htmlParser().setTrackErrors(20);
            Document document = Jsoup.parse(html, "", parser);
            assertThat(parser.getErrors()).isEmpty();
            assertThat(document.select("script")).isEmpty();
            assertThat(html).contains("&lt;script&gt;").doesNotContain("<script");
            assertThat(document.text()).contains(HOSTILE_CODE, HOSTILE_AREA, "KI-318",
                    String.format(Locale.ROOT, "%.2f%%", rate(october)),
                    String.format(Locale.ROOT, "%,.2f USD", expectedCost(october)));
            assertThat((String) parts.get("text/plain").getContent())
                    .contains(String.format(Locale.ROOT, "Total: %,.2f", expectedCost(october)));
        }
        assertThat(to).containsExactlyInAnyOrder("vp-cx@example.com", JANE, "leads@example.com", "lead.emea@example.com");

        JsonNode report = Api.json(api.get("/api/reports/" + reportId));
        assertThat(report.get("processInstanceId").asText()).isEqualTo(instance);
        assertThat(report.get("sentAt").isNull()).isFalse();
        assertThat(report.get("deliveries")).hasSize(4);
        JsonNode trend = report.get("numbers").get("trend");
        assertThat(trend.get("overall").get("rate").asDouble()).isCloseTo(rate(october), within(1e-9));
        assertThat(trend.get("overall").get("changePts").asDouble())
                .isCloseTo(rate(october) - rate(october.minusMonths(1)), within(1e-9));
        for (JsonNode cause : trend.get("rootCauses")) {
            String name = cause.get("rootCause").asText();
            long now = escalations(october, name);
            long before = escalations(october.minusMonths(1), name);
            assertThat(cause.get("thisMonth").asLong()).as(name).isEqualTo(now);
            assertThat(cause.get("previousMonth").asLong()).as(name).isEqualTo(before);
            if (before > 0) {
                assertThat(cause.get("momChangePct").asDouble()).as(name).isCloseTo((now - before) * 100.0 / before, within(1e-9));
            }
            assertThat(cause.get("direction").asText()).as(name).isEqualTo(expectedDirection(october, name));
        }
        assertThat(report.get("numbers").get("costImpact").get("total").asDouble()).isCloseTo(expectedCost(october), within(1e-6));

        // the archive shows the report as sent, with the chart served beside it
        assertThat(api.get("/reports").body()).contains(reportId, "2026-10");
        String page = api.get("/reports/" + reportId).body();
        assertThat(page).contains("/reports/" + reportId + "/chart.png").doesNotContain("<script");
        assertThat(api.get("/reports/" + reportId + "/chart.png").statusCode()).isEqualTo(200);

        // what fixing KI-318 would save: its matched October escalations (all product bugs) x the product bugs' mean
        // handle time x 42.50 an hour
        JsonNode matched = report.get("numbers").get("knownIssues").get("product_bug").get(0);
        assertThat(matched.get("id").asText()).isEqualTo("KI-318");
        List<Integer> bugHandles = in(october).stream().filter(t -> t.escalated() && "product_bug".equals(ROOT_CAUSE.get(t.code())))
                .map(T::handle).filter(h -> h != null).toList();
        double bugMean = bugHandles.stream().mapToInt(Integer::intValue).average().orElseThrow();
        JsonNode saving = report.get("numbers").get("costImpact").get("knownIssues").get(0);
        assertThat(saving.get("id").asText()).isEqualTo("KI-318");
        assertThat(saving.get("escalations").asLong()).isEqualTo(matched.get("tickets").asLong());
        assertThat(saving.get("cost").asDouble()).isCloseTo(matched.get("tickets").asLong() * bugMean / 60 * COST_PER_HOUR,
                within(1e-6));
        assertThat(api.get("/reports/" + reportId).body()).contains("What fixing would save", "Fixing KI-318");
        // SLA attainment after the three sections: every fixture ticket was resolved five hours after it was created,
        // within the Standard policy's 40 business hours - 100 % in both months
        assertThat(Jsoup.parse(api.get("/reports/" + reportId).body()).text())
                .contains("resolution 100.00% (September 100.00%, +0.00 pts).");
        // every known issue of the month on the report's known-issues page, each linking to its tickets
        Document knownIssues = Jsoup.parse(api.get("/reports/" + reportId + "/known-issues").body());
        assertThat(knownIssues.select("section#product_bug td").eachText()).contains("KI-318");
        assertThat(knownIssues.select("section#product_bug a[href*='knownIssue=KI-318']").text())
                .isEqualTo(String.valueOf(matched.get("tickets").asLong()));

        // the same month again: refused without force, mailed again with it
        JsonNode conflict = run("{\"month\":\"2026-10\",\"send\":true}", 409);
        assertThat(conflict.get("field").asText()).isEqualTo("force");
        JsonNode forced = run("{\"month\":\"2026-10\",\"send\":true,\"force\":true}", 200);
        managementService.executeJob(sendJob(forced.get("processInstanceId").asText()).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(8);
    }

    /** The days of October without tickets whose weekday averaged at least one ticket from July to September. */
    List<String> expectedMissingDays(List<T> remaining) {
        Map<java.time.LocalDate, Long> perDay = new TreeMap<>();
        for (T t : remaining) {
            perDay.merge(t.created().atZone(NEW_YORK).toLocalDate(), 1L, Long::sum);
        }
        Map<java.time.DayOfWeek, double[]> usual = new TreeMap<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 7, 1); d.isBefore(java.time.LocalDate.of(2026, 10, 1));
                d = d.plusDays(1)) {
            double[] sumAndDays = usual.computeIfAbsent(d.getDayOfWeek(), w -> new double[2]);
            sumAndDays[0] += perDay.getOrDefault(d, 0L);
            sumAndDays[1]++;
        }
        List<String> missing = new ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 10, 1); d.isBefore(java.time.LocalDate.of(2026, 11, 1));
                d = d.plusDays(1)) {
            double[] u = usual.get(d.getDayOfWeek());
            if (perDay.getOrDefault(d, 0L) == 0 && u[0] / u[1] >= 1.0) {
                missing.add(d.toString());
            }
        }
        return missing;
    }

    /** As if the helpdesk sync had stopped on 15 October: every ticket created from then on is missing. */
    List<T> stopOctoberOnThe15th() {
        Instant stop = ZonedDateTime.of(2026, 10, 15, 0, 0, 0, 0, NEW_YORK).toInstant();
        jdbc.update("DELETE FROM ticket WHERE created_at >= ?", stop.atOffset(java.time.ZoneOffset.UTC));
        return tickets.stream().filter(t -> t.created().isBefore(stop)).toList();
    }

    @Test
    void aMonthWhoseDataStoppedHalfwayIsHeldWithAnIncidentAndSentWhenTheDataArrivesAndTheJobIsRetried() throws Exception {
        List<String> missing = expectedMissingDays(stopOctoberOnThe15th());
        assertThat(missing).hasSizeGreaterThan(3).contains("2026-10-15", "2026-10-31");

        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 202);
        assertThat(answer.get("held").asBoolean()).isTrue();
        assertThat(answer.get("reportId").isNull()).isTrue();
        assertThat(answer.get("heldBecause")).hasSize(1);
        assertThat(answer.get("heldBecause").get(0).asText()).startsWith(missing.size()
                + " days without tickets on weekdays that usually have some (at most 3 allowed): 2026-10-");
        String instance = answer.get("processInstanceId").asText();

        // the hold job fails at once (no automatic retry): its incident says why and what to do
        Job hold = sendJob(instance);
        assertThatThrownBy(() -> managementService.executeJob(hold.getId()))
                .isInstanceOf(HoldIncompleteReportDelegate.IncompleteDataException.class);
        var incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_HoldUntilDataComplete");
        assertThat(incident.getIncidentMessage()).startsWith("The 2026-10 report is held, its data looks incomplete: "
                + missing.size() + " days without tickets").contains("retry this job", "'force' to true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isZero();

        // the missing tickets arrive; retrying the job (as Cockpit does) checks again and the report goes out
        importTickets();
        managementService.setJobRetries(hold.getId(), 1);
        managementService.executeJob(hold.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        managementService.executeJob(sendJob(instance).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        String html = jdbc.queryForObject("SELECT html FROM monthly_report", String.class);
        // the fixture's own two empty days (29th, 30th) are named in the footer, with no warning
        assertThat(Jsoup.parse(html).text()).contains("days without tickets: 2")
                .doesNotContain("The data looked incomplete");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo(expectedSubject(YearMonth.of(2026, 10)));
    }

    @Test
    void aHeldReportIsSentAsItIsWhenForcedAndSaysWhatLookedIncomplete() throws Exception {
        List<String> missing = expectedMissingDays(stopOctoberOnThe15th());
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 202);
        String instance = answer.get("processInstanceId").asText();
        Job hold = sendJob(instance);
        assertThatThrownBy(() -> managementService.executeJob(hold.getId()))
                .isInstanceOf(HoldIncompleteReportDelegate.IncompleteDataException.class);
        runtimeService.setVariable(instance, ReportVariables.FORCE, true);
        managementService.setJobRetries(hold.getId(), 1);
        managementService.executeJob(hold.getId());
        managementService.executeJob(sendJob(instance).getId());
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        String text = jdbc.queryForObject("SELECT text_body FROM monthly_report", String.class);
        assertThat(text).contains("days without tickets: " + missing.size(),
                "The data looked incomplete when this report was built: " + missing.size() + " days without tickets");

        // a report that is not mailed is never held: it says the same in its footer
        JsonNode preview = run("{\"month\":\"2026-10\",\"send\":false}", 200);
        assertThat(preview.get("reportId").isNull()).isFalse();
    }

    @Test
    void theVpAndTheTeamLeadsAreGroupsCreatedEmptyAtStartWhoseMembersGetTheReport() throws Exception {
        assertThat(identityService.createGroupQuery().groupId(ReportRecipientGroups.VP_CUSTOMER_EXPERIENCE).singleResult()
                .getName()).isEqualTo("VP of Customer Experience");
        assertThat(identityService.createGroupQuery().groupId(ReportRecipientGroups.SUPPORT_TEAM_LEADS).singleResult()
                .getName()).isEqualTo("Support team leads");
        assertThat(identityService.createUserQuery().memberOfGroup(ReportRecipientGroups.VP_CUSTOMER_EXPERIENCE).count()).isZero();
        User vp = identityService.newUser("vpCx");
        vp.setEmail("vp.cx@example.com");
        vp.setPassword("irrelevant-" + System.nanoTime());
        identityService.saveUser(vp);
        User lead = identityService.newUser("leadApac");
        lead.setEmail("lead.apac@example.com");
        lead.setPassword("irrelevant-" + System.nanoTime());
        identityService.saveUser(lead);
        try {
            identityService.createMembership("vpCx", ReportRecipientGroups.VP_CUSTOMER_EXPERIENCE);
            identityService.createMembership("leadApac", ReportRecipientGroups.SUPPORT_TEAM_LEADS);
            // the VP is a team lead too: one message
            identityService.createMembership("vpCx", ReportRecipientGroups.SUPPORT_TEAM_LEADS);
            JsonNode answer = run("{\"month\":\"2026-09\",\"send\":true}", 200);
            managementService.executeJob(sendJob(answer.get("processInstanceId").asText()).getId());
            List<String> to = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                to.add(message.getAllRecipients()[0].toString());
            }
            assertThat(to).containsExactlyInAnyOrder("vp-cx@example.com", JANE, "leads@example.com", "lead.emea@example.com",
                    "vp.cx@example.com", "lead.apac@example.com");
        } finally {
            identityService.deleteUser("vpCx");
            identityService.deleteUser("leadApac");
        }
    }

    @Test
    void aReportThatIsNotSentIsStoredWithoutASendJob() {
        JsonNode answer = run("{\"month\":\"2026-09\",\"send\":false}", 200);
        assertThat(managementService.createJobQuery().processInstanceId(answer.get("processInstanceId").asText()).count()).isZero();
        JsonNode report = Api.json(api.get("/api/reports/" + answer.get("reportId").asText()));
        assertThat(report.get("sendRequested").asBoolean()).isFalse();
        assertThat(report.get("recipients")).isEmpty();
        assertThat(report.get("numbers").get("agentCostPerHour").asDouble()).isEqualTo(38.0); // the configured default
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void badRequestsSayWhichFieldIsWrong() {
        assertThat(run("{\"month\":\"2026-13\"}", 400).get("field").asText()).isEqualTo("month");
        assertThat(run("{\"month\":\"2099-01\"}", 400).get("detail").asText()).contains("has not ended");
        // before 1970 in New York, and a year the databases disagree on: was a run (H2) or a 500 (PostgreSQL)
        JsonNode early = run("{\"month\":\"1969-12\"}", 400);
        assertThat(early.get("field").asText()).isEqualTo("month");
        assertThat(early.get("detail").asText()).isEqualTo("month: 1969-12 in America/New_York (1969-12-01T00:00-05:00 "
                + "to 1970-01-01T00:00-05:00) is outside the accepted instants (from 1970-01-01T00:00:00Z up to, not "
                + "including, 2100-01-01T00:00:00Z)");
        assertThat(run("{\"month\":\"-999999999-01\"}", 400).get("field").asText()).isEqualTo("month");
        assertThat(run("{\"agentCostPerHour\":-1}", 400).get("field").asText()).isEqualTo("agentCostPerHour");
        assertThat(run("{\"agentCostPerHour\":\"a lot\"}", 400).get("field").asText()).isEqualTo("agentCostPerHour");
        assertThat(run("{\"send\":\"yes\"}", 400).get("field").asText()).isEqualTo("send");
        assertThat(run("{\"recipients\":\"me@example.com\"}", 400).get("field").asText()).isEqualTo("recipients");
        assertThat(api.get("/api/reports/no-such-report").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monthly_report", Integer.class)).isZero();
    }

    @Test
    void whenSmtpIsDownTheSendJobRetriesThenRaisesAnIncidentAndAfterwardsMailsEachRecipientOnce() throws Exception {
        smtp.stop();
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 200);
        String instance = answer.get("processInstanceId").asText();
        Job job = sendJob(instance);
        ClockUtil.setCurrentTime(at(2026, 11, 2, 9, 0));
        int attempts = 0;
        while (job.getRetries() > 0) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("could not be sent");
            attempts++;
            job = sendJob(instance);
            if (attempts == 1) { // R3/PT5M: retried five minutes later
                assertThat(job.getDuedate().toInstant()).isEqualTo(at(2026, 11, 2, 9, 5).toInstant());
            }
        }
        assertThat(attempts).isEqualTo(3);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isOne();
        assertThat(job.getExceptionMessage()).contains("could not be sent to");

        smtp = startSmtp();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        // a send that is repeated after one recipient was lost mails only that recipient
        String reportId = answer.get("reportId").asText();
        jdbc.update("DELETE FROM monthly_report_delivery WHERE report_id = ? AND recipient = ?", reportId, "leads@example.com");
        ReportMailer.Outcome outcome = mailer.send(reportId);
        assertThat(outcome.delivered()).isOne();
        assertThat(outcome.alreadyDelivered()).isEqualTo(3);
        assertThat(recipientsOf(smtp.getReceivedMessages())).containsExactlyInAnyOrder("vp-cx@example.com", JANE,
                "leads@example.com", "lead.emea@example.com", "leads@example.com");
    }

    @Test
    void anAddressWithACommaInItsQuotedDisplayNameIsOneRecipientAndGetsOneMessageWithItsName() throws Exception {
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 200);
        managementService.executeJob(sendJob(answer.get("processInstanceId").asText()).getId());

        List<MimeMessage> toJane = smtp.findReceivedMessages(u -> u.getEmail().equals("jane.doe@example.com"), m -> true)
                .toList();
        assertThat(toJane).hasSize(1);
        InternetAddress jane = (InternetAddress) toJane.get(0).getRecipients(Message.RecipientType.TO)[0];
        assertThat(jane.getAddress()).isEqualTo("jane.doe@example.com");
        assertThat(jane.getPersonal()).isEqualTo("Doe, Jane");
        assertThat(toJane.get(0).getHeader("To")[0]).isEqualTo("\"Doe, Jane\" <jane.doe@example.com>");
        // nothing went to a "Doe" or a "Jane": four mailboxes, one message each
        assertThat(recipientsOf(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder("vp-cx@example.com", JANE, "leads@example.com", "lead.emea@example.com");

        JsonNode report = Api.json(api.get("/api/reports/" + answer.get("reportId").asText()));
        assertThat(texts(report.get("recipients")))
                .containsExactly("vp-cx@example.com", JANE, "leads@example.com", "lead.emea@example.com");
        assertThat(report.get("deliveries")).hasSize(4);
    }

    @Test
    void aConfiguredRecipientThatIsNotAnAddressIsReportedAsRefusedWithEveryReport() {
        for (String month : List.of("2026-09", "2026-10")) {
            JsonNode answer = run("{\"month\":\"" + month + "\",\"send\":true}", 200);
            managementService.executeJob(sendJob(answer.get("processInstanceId").asText()).getId());
            JsonNode report = Api.json(api.get("/api/reports/" + answer.get("reportId").asText()));
            assertThat(report.get("sentAt").isNull()).isFalse();
            JsonNode refused = report.get("refusedRecipients");
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0).get("recipient").asText()).isEqualTo("not an address");
            assertThat(refused.get(0).get("reason").asText()).isEqualTo("Local address contains control or whitespace");
            assertThat(refused.get(0).get("refusedBy").asText()).isEqualTo("configuration");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(8);
    }

    @Test
    void theMessageIdIsFixedByReportAndMailboxSoAMessageSentAgainKeepsIt() throws Exception {
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 200);
        String reportId = answer.get("reportId").asText();
        managementService.executeJob(sendJob(answer.get("processInstanceId").asText()).getId());
        Map<String, String> firstIds = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            firstIds.put(((InternetAddress) message.getAllRecipients()[0]).getAddress(), message.getMessageID());
        }
        assertThat(firstIds).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vp-cx@example.com", "<report-" + reportId + ".d3324bcb1012d990@escalation-analyst>",
                "jane.doe@example.com", "<report-" + reportId + ".86e0b9e56c17cc4d@escalation-analyst>",
                "leads@example.com", "<report-" + reportId + ".a919337d01731c5c@escalation-analyst>",
                "lead.emea@example.com", "<report-" + reportId + ".99ba03ee28c84036@escalation-analyst>"));
        JsonNode deliveries = Api.json(api.get("/api/reports/" + reportId)).get("deliveries");
        for (JsonNode delivery : deliveries) {
            String mailbox = new InternetAddress(delivery.get("recipient").asText()).getAddress();
            assertThat(delivery.get("reference").asText()).isEqualTo(firstIds.get(mailbox));
        }

        // as after a crash between the server's acceptance and the record: the message goes again, the same
        jdbc.update("DELETE FROM monthly_report_delivery WHERE report_id = ? AND recipient = ?", reportId, JANE);
        assertThat(mailer.send(reportId)).isEqualTo(new ReportMailer.Outcome(1, 3, 0));
        List<MimeMessage> toJane = smtp.findReceivedMessages(u -> u.getEmail().equals("jane.doe@example.com"), m -> true)
                .toList();
        assertThat(toJane).hasSize(2);
        assertThat(toJane.get(0).getMessageID()).isEqualTo(toJane.get(1).getMessageID())
                .isEqualTo("<report-" + reportId + ".86e0b9e56c17cc4d@escalation-analyst>");
    }

    @Test
    void aRecipientTheServerRefusesForGoodIsRecordedReportedAndLoggedAndTheOthersGetTheirs() throws Exception {
        smtp.refuse("leads@example.com", USER_UNKNOWN);
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 200);
        String reportId = answer.get("reportId").asText();
        String instance = answer.get("processInstanceId").asText();
        Logger logger = (Logger) LoggerFactory.getLogger(ReportMailer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            managementService.executeJob(sendJob(instance).getId());
        } finally {
            logger.detachAppender(log);
        }
        // the job succeeded: the run ended, no incident
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(recipientsOf(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder("vp-cx@example.com", JANE, "lead.emea@example.com");

        JsonNode report = Api.json(api.get("/api/reports/" + reportId));
        assertThat(report.get("sentAt").isNull()).isFalse();
        assertThat(texts(report.get("deliveries").findValues("recipient")))
                .containsExactlyInAnyOrder("vp-cx@example.com", JANE, "lead.emea@example.com");
        JsonNode refused = report.get("refusedRecipients");
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0).get("recipient").asText()).isEqualTo("not an address");
        assertThat(refused.get(1).get("recipient").asText()).isEqualTo("leads@example.com");
        assertThat(refused.get(1).get("reason").asText()).isEqualTo(USER_UNKNOWN);
        assertThat(refused.get(1).get("refusedBy").asText()).isEqualTo("smtp");
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Report " + reportId + " (2026-10) refused for leads@example.com by smtp: " + USER_UNKNOWN
                        + " (recorded; not sent again)");

        // a refusal is final: a later send does not ask the server again, even one that would take it now
        smtp.acceptEveryone();
        assertThat(mailer.send(reportId)).isEqualTo(new ReportMailer.Outcome(0, 3, 0));
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRecipientTheServerRefusesForNowFailsTheJobAfterTheOthersAndTheRetrySendsOnlyThatOne() throws Exception {
        smtp.refuse("leads@example.com", "451 4.3.0 <leads@example.com>: mailbox temporarily unavailable");
        JsonNode answer = run("{\"month\":\"2026-10\",\"send\":true}", 200);
        String instance = answer.get("processInstanceId").asText();
        String jobId = sendJob(instance).getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining(
                "could not be sent to leads@example.com: 451 4.3.0 <leads@example.com>: mailbox temporarily unavailable yet "
                        + "(3 sent in this attempt, 0 before)");
        assertThat(recipientsOf(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder("vp-cx@example.com", JANE, "lead.emea@example.com");
        assertThat(sendJob(instance).getRetries()).isEqualTo(2);

        smtp.acceptEveryone();
        managementService.executeJob(jobId);
        assertThat(recipientsOf(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder("vp-cx@example.com", JANE, "lead.emea@example.com", "leads@example.com");
        JsonNode report = Api.json(api.get("/api/reports/" + answer.get("reportId").asText()));
        assertThat(report.get("deliveries")).hasSize(4);
        assertThat(report.get("refusedRecipients")).hasSize(1); // the configured "not an address" only
    }

    // ---- helpers ----

    static List<String> recipientsOf(MimeMessage[] messages) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : messages) {
            assertThat(message.getAllRecipients()).hasSize(1);
            to.add(message.getAllRecipients()[0].toString());
        }
        return to;
    }

    static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    JsonNode run(String body, int status) {
        var response = api.post("/api/reports/monthly", "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Api.json(response);
    }

    Job timer() {
        return managementService.createJobQuery().processDefinitionKey(ProcessIds.MONTHLY_ESCALATION_REPORT_SCHEDULE)
                .timers().singleResult();
    }

    Job sendJob(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    static Date at(int year, int month, int day, int hour, int minute) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(NEW_YORK).toInstant());
    }

    static JsonNode json(Object variable) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(variable.toString());
    }

    static void collect(Part part, Map<String, Part> parts) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        } else {
            parts.put(part.getContentType().split(";")[0].trim().toLowerCase(Locale.ROOT), part);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RefusingGreenMail startSmtp() {
        RefusingGreenMail mail = new RefusingGreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }
}

package com.escalationanalyst.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.PackagedApp;
import com.escalationanalyst.testsupport.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The packaged application on its embedded default (H2 file database in a temporary folder, demo data,
 * mail to the outbox), driven in headless Chromium at 1280×800 the way an analyst uses it. Every scenario
 * saves screenshots under target/screenshots/. Run with {@code mvn -Pe2e verify}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscalationAnalystBrowserIT {

    /** A failed scenario leaves a screenshot and the page's HTML named after it. */
    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent() && EscalationAnalystBrowserIT.browser != null) {
            EscalationAnalystBrowserIT.browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    };

    static Process app;
    static Path dataDir;
    static Path appLog;
    static int port;
    static Api api;
    static Browser browser;
    static Tasklist tasklist;

    @BeforeAll
    static void startApplicationAndBrowser() throws Exception {
        dataDir = Files.createTempDirectory("ea-e2e");
        port = PackagedApp.freePort();
        ProcessBuilder command = PackagedApp.command(dataDir, List.of("-Xmx512m"), List.of("--server.port=" + port,
                "--escalation.public-url=http://127.0.0.1:" + port));
        appLog = dataDir.resolve("app.log");
        command.redirectErrorStream(true);
        command.redirectOutput(appLog.toFile());
        app = command.start();
        api = new Api(port);
        awaitReady();
        browser = new Browser("http://127.0.0.1:" + port);
        tasklist = new Tasklist(browser);
        try {
            tasklist.logIn(TestCredentials.ADMIN, TestCredentials.PASSWORD);
        } catch (RuntimeException e) {
            browser.screenshot("FAILED-login");
            throw e;
        }
        browser.screenshot("00-tasklist-after-login");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.destroy();
            PackagedApp.waitFor(app, Duration.ofSeconds(60));
        }
    }

    static void awaitReady() throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < end) {
            if (!app.isAlive()) {
                throw new AssertionError("the application stopped:\n" + Files.readString(appLog));
            }
            if (Files.readString(appLog, StandardCharsets.UTF_8).contains("Started EscalationAnalystApplication")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start within 4 minutes:\n" + Files.readString(appLog));
    }

    @Test
    @Order(1)
    void patternsReviewTableShowsWhatTheApiAnswers() {
        tasklist.openStartForm("Analyze escalation patterns");
        assertThat(tasklist.field("Period").getAttribute("value")).isEqualTo("last 30 days");
        tasklist.type("Period", "last quarter");
        browser.screenshot("01-patterns-start-form");
        tasklist.submitStart();
        tasklist.openTask("Review escalation patterns");
        List<List<String>> causes = tasklist.table("Root causes");
        browser.screenshot("02-patterns-review-root-causes");
        List<List<String>> issues = tasklist.table("Open tickets and known issues");
        browser.screenshot("02-patterns-review-known-issues");
        List<List<String>> actions = tasklist.table("What to do");
        browser.screenshot("02-patterns-review-what-to-do");

        JsonNode answer = Api.json(post("/api/analyses/escalation-patterns", "{\"period\":\"last quarter\"}"));
        List<List<String>> expectedCauses = new ArrayList<>();
        List<List<String>> expectedIssues = new ArrayList<>();
        List<List<String>> expectedActions = new ArrayList<>();
        expectedCauses.add(List.of("Root cause", "Escalations", "% of escalations", "Avg. resolution"));
        expectedIssues.add(List.of("Root cause", "Unresolved", "Top product area / team", "Known issues (tickets)"));
        expectedActions.add(List.of("Root cause", "Recommended action", "Policy"));
        for (JsonNode row : answer.get("rows")) {
            String cause = row.get("rootCause").asText().replace('_', ' ');
            JsonNode hours = row.get("avgResolutionHours");
            JsonNode policy = row.get("policy");
            expectedCauses.add(List.of(cause, row.get("count").asText(), twoDecimals(row.get("percentOfEscalations")) + " %",
                    hours.isNull() ? "no resolved tickets" : twoDecimals(hours) + " h"));
            String team = row.path("topTeam").asText("");
            expectedIssues.add(List.of(cause, row.get("unresolved").asText(),
                    row.path("topProductArea").asText("") + (team.isEmpty() ? "" : " / " + team),
                    knownIssues(row.get("knownIssues"))));
            expectedActions.add(List.of(cause, row.path("recommendedAction").asText(""),
                    policy.isNull() ? "" : policy.get("document").asText() + " › " + policy.get("heading").asText()));
        }
        assertThat(answer.get("rows").size()).as("root causes in the demo data's last quarter").isGreaterThan(3);
        assertThat(causes).isEqualTo(expectedCauses);
        assertThat(issues).isEqualTo(expectedIssues);
        assertThat(actions).isEqualTo(expectedActions);
        assertThat(browser.driver().getPageSource()).contains("Escalation patterns: " + answer.get("period").get("label").asText());
        assertThat(tasklist.overflowingTables()).as("tables wider than the task form at 1280×800").isEmpty();
        // the bar chart of the root causes, served from the analyses archive: one bar per root cause
        Number chartHeight = browser.until(d -> {
            Number height = (Number) browser.script("var i = document.querySelector('.fjs-form img');"
                    + " return i && i.complete ? i.naturalHeight : 0;");
            return height.intValue() > 0 ? height : null;
        }, "the chart in the review form");
        browser.screenshot("02-patterns-review-chart");
        assertThat(chartHeight.intValue()).isEqualTo(40 + 28 * answer.get("rows").size() + 16);
    }

    @Test
    @Order(2)
    void segmentReviewTableByTierShowsWhatTheApiAnswers() {
        tasklist.openStartForm("Compare escalation rates by segment");
        tasklist.type("Period", "last quarter");
        tasklist.choose("Compare by", "Tier");
        browser.screenshot("03-segments-start-form");
        tasklist.submitStart();
        tasklist.openTask("Review segment escalation rates");
        List<List<String>> comparison = tasklist.table("Comparison");
        browser.screenshot("04-segments-review-comparison");
        List<List<String>> significance = tasklist.table("Against the overall rate");
        browser.screenshot("04-segments-review-significance");

        JsonNode answer = Api.json(post("/api/analyses/segment-rates", "{\"period\":\"last quarter\",\"dimension\":\"tier\"}"));
        List<List<String>> expectedComparison = new ArrayList<>();
        List<List<String>> expectedSignificance = new ArrayList<>();
        expectedComparison.add(List.of("Group", "Tickets", "Escalated", "Escalation rate (95 % interval)"));
        expectedSignificance.add(List.of("Group", "Deviation", "p", "Flag"));
        for (JsonNode row : answer.get("rows")) {
            boolean flagged = row.get("significantlyAbove").asBoolean();
            String group = (flagged ? "▲ " : "") + row.get("value").asText();
            String rate = percent(row.get("escalationRate"));
            expectedComparison.add(List.of(group, row.get("totalTickets").asText(), row.get("escalatedTickets").asText(),
                    row.get("ci95Low").isNull() ? rate
                            : rate + " (" + percent(row.get("ci95Low")) + " – " + percent(row.get("ci95High")) + ")"));
            expectedSignificance.add(List.of(group,
                    row.get("deviationPts").isNull() ? "" : signedPoints(row.get("deviationPts")),
                    pValue(row),
                    flagged ? "SIGNIFICANTLY ABOVE" : row.path("note").asText("")));
        }
        assertThat(answer.get("rows").size()).as("tiers in the demo data").isGreaterThanOrEqualTo(3);
        assertThat(comparison).isEqualTo(expectedComparison);
        assertThat(significance).isEqualTo(expectedSignificance);
        assertThat(browser.driver().getPageSource()).contains("Escalation rate by tier: " + answer.get("period").get("label").asText());
        assertThat(tasklist.overflowingTables()).as("tables wider than the task form at 1280×800").isEmpty();
    }

    @Test
    @Order(3)
    void monthlyReportOpensWithItsThreeSectionsAndChart() {
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        tasklist.openStartForm("Monthly escalation trend report");
        tasklist.type("Month (YYYY-MM)", lastMonth.toString());
        browser.screenshot("05-report-start-form");
        tasklist.submitStart();

        browser.open("/reports");
        WebElement link = browser.until(d -> {
            d.navigate().refresh();
            List<WebElement> links = d.findElements(By.xpath("//a[starts-with(@href,'/reports/')]"));
            return links.isEmpty() ? null : links.get(0);
        }, "the report in the archive");
        browser.screenshot("06-report-archive");
        link.click();
        browser.find(By.xpath("//h2[normalize-space()='3. Estimated cost impact']"));
        List<String> sections = browser.driver().findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
        assertThat(sections).containsExactly("1. Overall escalation rate", "2. Top root causes", "3. Estimated cost impact");
        WebElement chart = browser.find(By.tagName("img"));
        Long width = browser.until(d -> {
            Object w = browser.script("return arguments[0].complete ? arguments[0].naturalWidth : null;", chart);
            return w == null ? null : ((Number) w).longValue();
        }, "the chart image to load");
        assertThat(width).as("chart image decoded (natural width in pixels)").isGreaterThan(100);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(
                lastMonth.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        browser.screenshot("07-report-page");
        // the first root cause's count leads to that month's escalations of it
        WebElement count = browser.find(By.cssSelector("a[href*='/tickets?']"));
        String escalations = count.getText();
        count.click();
        WebElement total = browser.find(By.id("total"));
        browser.screenshot("07-report-count-tickets");
        long expected = Long.parseLong(escalations);
        assertThat(total.getText()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d", expected)
                + (expected == 1 ? " ticket" : " tickets"));
    }

    @Test
    @Order(4)
    void knownIssuesUploadIsListedAndABadOneIsRefusedWithItsReason() throws IOException {
        Path good = dataDir.resolve("browser-known-issues.yaml");
        Files.writeString(good, """
                - id: KI-990
                  title: Dashboard widgets stay empty after a time zone change
                  product_area: Reporting
                  status: open
                  symptoms: widgets show no data once the account's time zone was changed
                  workaround: Change the time zone back, then forward again
                """);
        Path bad = dataDir.resolve("browser-bad-issues.yaml");
        Files.writeString(bad, """
                - id: KI-991
                  title: A record with a status the application does not know
                  product_area: Billing
                  status: broken
                """);
        browser.open("/knowledge");
        upload(good);
        WebElement listed = browser.find(By.xpath("//section[@id='known-issues']//a[normalize-space()='"
                + good.getFileName() + "']"));
        assertThat(listed.findElement(By.xpath("./ancestor::tr[1]/td[2]")).getText()).isEqualTo("1");
        browser.screenshot("08-knowledge-uploaded");

        upload(bad);
        WebElement errors = browser.find(By.id("upload-errors"));
        assertThat(errors.getText()).contains(bad.getFileName() + " was refused for known-issues")
                .contains("issue 1 (KI-991): status 'broken' is not one of open, fix_planned, fixed, wont_fix");
        assertThat(browser.driver().findElements(By.xpath("//a[normalize-space()='" + bad.getFileName() + "']"))).isEmpty();
        browser.screenshot("09-knowledge-refused");
    }

    @Test
    @Order(5)
    void badInputInAStartFormIsExplainedNotDumped() {
        tasklist.openStartForm("Analyze escalation patterns");
        tasklist.type("Period", "the week after next");
        tasklist.submitStart();
        String period = tasklist.startError();
        browser.screenshot("10-bad-period");
        assertThat(period).contains("period: 'the week after next' is not a period I understand")
                .contains("last quarter");
        assertNoStackTrace(period);

        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        tasklist.openStartForm("Monthly escalation trend report");
        tasklist.type("Month (YYYY-MM)", "2026-13");
        tasklist.submitStart();
        String month = tasklist.startError();
        browser.screenshot("11-bad-month");
        assertThat(month).contains("'2026-13' is not a month; write YYYY-MM, e.g. " + lastMonth);
        assertNoStackTrace(month);
    }

    @Test
    @Order(6)
    void tasklistAndCockpitLinkToTheApplicationsPages() {
        browser.open(Tasklist.PATH);
        WebElement links = browser.find(By.cssSelector(".escalation-analyst-links"));
        browser.screenshot("12-tasklist-links");
        assertThat(links.findElements(By.tagName("a")).stream().map(a -> a.getAttribute("href")).toList())
                .anyMatch(h -> h.endsWith("/analyses")).anyMatch(h -> h.endsWith("/reports"))
                .anyMatch(h -> h.endsWith("/knowledge"));
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        WebElement dashboard = browser.find(By.cssSelector(".escalation-analyst-links a[href='/analyses']"));
        browser.screenshot("13-cockpit-links");
        assertThat(dashboard.getText()).isEqualTo("Analyses archive");
    }

    @Test
    @Order(7)
    void aQuestionIsAnsweredInTasklistKeptAndItsCountsLeadToTheirTickets() throws Exception {
        String question = "why did escalations rise last quarter?";
        tasklist.openStartForm("Ask the Escalation Analyst");
        tasklist.type("Your question", question);
        browser.screenshot("14-ask-start-form");
        tasklist.submitStart();
        tasklist.openTask("Read the answer");
        List<List<String>> causes = tasklist.table("Root causes");
        browser.screenshot("15-ask-answer");
        JsonNode answer = Api.json(post("/api/ask", "{\"question\":\"" + question + "\"}"));
        assertThat(browser.driver().getPageSource()).contains(answer.at("/understood/summary").asText());
        JsonNode rows = answer.at("/result/rows");
        assertThat(causes).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(causes.get(i + 1).get(0)).isEqualTo(rows.get(i).get("rootCause").asText().replace('_', ' '));
            assertThat(causes.get(i + 1).get(1)).isEqualTo(rows.get(i).get("count").asText());
        }

        // the archive lists both runs, newest (the API's) first; its first root cause leads to its tickets
        browser.open("/analyses");
        browser.screenshot("16-analyses-archive");
        browser.find(By.cssSelector("#runs tbody tr a")).click();
        WebElement cause = browser.find(By.cssSelector("#summary tbody tr td a"));
        browser.until(d -> ((Number) browser.script("return document.getElementById('chart').naturalWidth;")).intValue() > 0
                ? Boolean.TRUE : null, "the chart on the analysis page");
        assertThat(((Number) browser.script("return document.getElementById('chart').naturalWidth;")).intValue())
                .isEqualTo(640);
        browser.screenshot("17-analysis-page");
        assertThat(cause.getText()).isEqualTo(rows.get(0).get("rootCause").asText().replace('_', ' '));
        String analysisPage = browser.driver().getCurrentUrl();
        // the demo's recurring Slack-alert notes form a candidate new known issue: its link lists all its tickets
        JsonNode clusters = answer.at("/result/clusters");
        assertThat(clusters.size()).as("candidate new known issues in the demo data's last quarter").isPositive();
        browser.find(By.cssSelector("#candidates a")).click();
        assertThat(browser.find(By.id("total")).getText()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d tickets",
                clusters.get(0).get("tickets").asLong()));
        browser.screenshot("17-candidate-tickets");
        browser.driver().navigate().to(analysisPage);
        cause = browser.find(By.cssSelector("#summary tbody tr td a"));
        cause.click();
        WebElement total = browser.find(By.id("total"));
        browser.screenshot("18-tickets-behind-a-count");
        long count = rows.get(0).get("count").asLong();
        assertThat(total.getText()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d tickets", count));
        assertThat(browser.driver().findElements(By.cssSelector("#tickets tbody tr"))).hasSize((int) Math.min(50, count));

        // the CSV behind the same link holds every one of them
        String csvLink = browser.find(By.id("csv")).getAttribute("href");
        HttpResponse<String> csv = api.get(csvLink.substring(csvLink.indexOf("/api/")));
        assertThat(csv.statusCode()).isEqualTo(200);
        long records = 0;
        try (com.escalationanalyst.csv.CsvReader reader = new com.escalationanalyst.csv.CsvReader(
                new java.io.StringReader(csv.body()))) {
            while (reader.next() != null) {
                records++;
            }
        }
        assertThat(records).isEqualTo(count + 1);
    }

    private static void assertNoStackTrace(String text) {
        assertThat(text).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.")
                .doesNotContain("ENGINE-");
    }

    private void upload(Path file) {
        WebElement input = browser.driver().findElement(By.cssSelector("section#known-issues input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.xpath("//section[@id='known-issues']//button[normalize-space()='Upload']")).click();
    }

    private static HttpResponse<String> post(String path, String json) {
        HttpResponse<String> response = api.post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    // ---- the review forms' cell formats, written out again from docs/processes.md, "Review forms in Tasklist" ----

    private static String twoDecimals(JsonNode number) {
        return new BigDecimal(number.asText()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Four decimals; below 0.0001 "< 0.0001"; nothing for a group that was not tested (it has a note). */
    private static String pValue(JsonNode row) {
        if (row.get("pValue").isNull() || row.path("note").isTextual()) {
            return "";
        }
        BigDecimal p = new BigDecimal(row.get("pValue").asText());
        return p.compareTo(new BigDecimal("0.0001")) < 0 ? "< 0.0001" : p.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(JsonNode number) {
        return twoDecimals(number) + " %";
    }

    private static String signedPoints(JsonNode number) {
        BigDecimal value = new BigDecimal(number.asText()).setScale(2, RoundingMode.HALF_UP);
        return (value.signum() >= 0 ? "+" : "") + value.toPlainString() + " pts";
    }

    private static String knownIssues(JsonNode issues) {
        if (issues.isEmpty()) {
            return "none";
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(3, issues.size()); i++) {
            shown.add(issues.get(i).get("id").asText() + " (" + issues.get(i).get("tickets").asText() + ")");
        }
        return String.join(", ", shown) + (issues.size() > 3 ? " and " + (issues.size() - 3) + " more" : "");
    }

    static String log() throws IOException {
        return Files.readString(appLog, StandardCharsets.UTF_8);
    }
}

package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.report.MonthlyReportView.CostLine;
import com.escalationanalyst.report.MonthlyReportView.IssueLine;
import com.escalationanalyst.report.MonthlyReportView.RootCauseLine;
import com.escalationanalyst.report.RateTrendChart.MonthRate;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The report's chart, subject, HTML and text parts, without an engine. */
class ReportRenderingTest {

    static ReportRenderer renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new ReportRenderer(engine);
    }

    static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";

    static MonthlyReportView report() {
        return new MonthlyReportView("October 2026", "September 2026", "America/New_York", "8.00%", "6.30%",
                "up 1.70 pts, a significant change (p = 0.0031)", 88, 63, "+39.68%",
                "Forecast for November 2026: 7.29% (likely between 4.72% and 9.87%)",
                List.of(new RootCauseLine("product bug", 30, 12, "+150.00%", "17.33", "increasing", "Billing " + HOSTILE,
                        "Tier 2 " + HOSTILE, List.of(
                                new IssueLine("KI-318", "Export " + HOSTILE, 25, "https://ea.example.com/tickets?knownIssue=KI-318"),
                                new IssueLine("KI-327", "Sync drops", 3, "https://ea.example.com/tickets?knownIssue=KI-327"),
                                new IssueLine("KI-330", "Login loops", 1, "https://ea.example.com/tickets?knownIssue=KI-330")),
                        2, "https://ea.example.com/reports/r1/known-issues#product_bug",
                        "https://ea.example.com/tickets?rootCause=product_bug"),
                        new RootCauseLine("training gap", 15, 20, "-25.00%", "25.00", "decreasing", "", "", List.of(), 0, null,
                                null),
                        new RootCauseLine("policy gap", 4, 0, "new", "1.33", "", "", "", List.of(), 0, null, null)),
                List.of("Billing: “Invoice PDF is blank” (6 tickets)"),
                "USD", "42.50", "3,187.50",
                List.of(new CostLine("product bug", 30, "120.00", "2,550.00"),
                        new CostLine("training gap", 15, "60.00", "637.50")),
                List.of("Fixing KI-318 (Export) would avoid about 25 escalations, about 2,130 USD a month at 42.50 USD/h."),
                "refund_" + HOSTILE,
                "SLA attainment of the month's tickets (targets met of those decided): first response 92.50% (September "
                        + "94.10%, -1.60 pts); resolution 88.00% (September 90.00%, -2.00 pts).",
                "Data: newest import ended 2026-11-01 05:40 EST; 3.0 tickets a day (3.1 a day in the months before: 97%); "
                        + "days without tickets: none; open sync incidents: none.", "");
    }

    @Test
    void theChartIsAPngOfTheExpectedSize() throws Exception {
        byte[] png = RateTrendChart.png(List.of(new MonthRate("2026-08", 6.0, null), new MonthRate("2026-09", 6.3, null),
                new MonthRate("2026-10", 8.0, 20.3 / 3)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(RateTrendChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(RateTrendChart.HEIGHT);
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void theSubjectCarriesRateAndADirectionOnlyForASignificantChange() {
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, 1.1, "up"))
                .isEqualTo("Escalations October 2026: 7.42% (up 1.10 pts from September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 1), 5.0, -0.256, "down"))
                .isEqualTo("Escalations January 2026: 5.00% (down 0.26 pts from December)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, 1.1, "stable"))
                .isEqualTo("Escalations October 2026: 7.42% (stable, +1.10 pts from September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 1), 5.0, -0.256, "stable"))
                .isEqualTo("Escalations January 2026: 5.00% (stable, -0.26 pts from December)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, 0.001, "stable"))
                .isEqualTo("Escalations October 2026: 7.42% (unchanged from September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, null, "new"))
                .isEqualTo("Escalations October 2026: 7.42% (no data for September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), null, null, "stable")).isEqualTo("Escalations October 2026: no tickets");
    }

    @Test
    void theSlaLineGivesAttainmentOfDecidedTargetsAndItsChange() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        // October: first response 37 met, 3 breached (5 running left out) = 92.50 %; resolution 44 of 50 = 88.00 %.
        // September: 47 of 50 = 94.00 % and 45 of 50 = 90.00 %: -1.50 and -2.00 points
        assertThat(ReportBuilder.sla(json.readTree("{\"firstResponse\":[37,3,5],\"resolution\":[44,6,1]}"),
                json.readTree("{\"firstResponse\":[47,3,0],\"resolution\":[45,5,0]}"), YearMonth.of(2026, 10)))
                .isEqualTo("SLA attainment of the month's tickets (targets met of those decided): first response 92.50% "
                        + "(September 94.00%, -1.50 pts); resolution 88.00% (September 90.00%, -2.00 pts).");
        // nothing decided yet this month; no SLA policies at all: no line
        assertThat(ReportBuilder.sla(json.readTree("{\"firstResponse\":[0,0,4],\"resolution\":[0,0,4]}"),
                json.readTree("null"), YearMonth.of(2026, 10)))
                .isEqualTo("SLA attainment of the month's tickets (targets met of those decided): first response n/a; "
                        + "resolution n/a.");
        assertThat(ReportBuilder.sla(json.readTree("null"), null, YearMonth.of(2026, 10))).isEmpty();
    }

    @Test
    void theForecastIsDrawnAfterTheLastMonthInItsOwnColour() throws Exception {
        List<MonthRate> months = List.of(new MonthRate("2026-08", 6.0, null), new MonthRate("2026-09", 6.3, null),
                new MonthRate("2026-10", 8.0, 20.3 / 3));
        BufferedImage without = ImageIO.read(new ByteArrayInputStream(RateTrendChart.png(months)));
        BufferedImage with = ImageIO.read(new ByteArrayInputStream(RateTrendChart.png(months,
                new RateTrendChart.Forecast("2026-11", 7.3, 4.7, 9.9))));
        // without a forecast no pixel has its colour; with one, its pixels lie right of the chart's middle (the
        // fourth of four month columns, and the dashed line into it from the third)
        assertThat(columnsOf(without, RateTrendChart.FORECAST_COLOR)).isEmpty();
        List<Integer> columns = columnsOf(with, RateTrendChart.FORECAST_COLOR);
        assertThat(columns).isNotEmpty();
        assertThat(columns.stream().mapToInt(Integer::intValue).min().getAsInt()).isGreaterThan(RateTrendChart.WIDTH / 2);
    }

    @Test
    void theRateLineFollowsTheRates() throws Exception {
        List<MonthRate> rising = List.of(new MonthRate("2026-05", 2.0, null), new MonthRate("2026-06", 4.0, null),
                new MonthRate("2026-07", 6.0, null), new MonthRate("2026-08", 8.0, null),
                new MonthRate("2026-09", 10.0, null), new MonthRate("2026-10", 12.0, null));
        List<MonthRate> falling = List.of(new MonthRate("2026-05", 12.0, null), new MonthRate("2026-06", 10.0, null),
                new MonthRate("2026-07", 8.0, null), new MonthRate("2026-08", 6.0, null),
                new MonthRate("2026-09", 4.0, null), new MonthRate("2026-10", 2.0, null));
        // image rows grow downwards: a rising rate's line is lowest in the first third of the width, highest in the
        // last, and the middle third lies between; a falling one the other way round
        int[] up = thirds(ImageIO.read(new ByteArrayInputStream(RateTrendChart.png(rising))));
        int[] down = thirds(ImageIO.read(new ByteArrayInputStream(RateTrendChart.png(falling))));
        assertThat(up[0]).as("rising: first third below the middle").isGreaterThan(up[1] + 20);
        assertThat(up[1]).as("rising: middle third below the last").isGreaterThan(up[2] + 20);
        assertThat(down[2]).as("falling: last third below the middle").isGreaterThan(down[1] + 20);
        assertThat(down[1]).as("falling: middle third below the first").isGreaterThan(down[0] + 20);
    }

    /** The mean row of the rate line's pixels in each third of the plot's width (the legend below left out). */
    static int[] thirds(BufferedImage image) {
        long[] sum = new long[3];
        long[] count = new long[3];
        for (int y = 0; y < image.getHeight() - 40; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (RateTrendChart.RATE_COLOR.getRGB() & 0xFFFFFF)) {
                    int third = Math.min(2, 3 * x / image.getWidth());
                    sum[third] += y;
                    count[third]++;
                }
            }
        }
        int[] means = new int[3];
        for (int third = 0; third < 3; third++) {
            assertThat(count[third]).as("rate pixels in third " + (third + 1)).isPositive();
            means[third] = (int) (sum[third] / count[third]);
        }
        return means;
    }

    /** The x of every pixel (in the plot, above the legend) that has exactly this colour. */
    static List<Integer> columnsOf(BufferedImage image, java.awt.Color colour) {
        List<Integer> xs = new java.util.ArrayList<>();
        for (int y = 0; y < image.getHeight() - 40; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    xs.add(x);
                }
            }
        }
        return xs;
    }

    @Test
    void theHtmlParsesCleanlyHasThreeSectionsAndEscapesTicketText() {
        String html = renderer().html(report());
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document document = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).as(html).isEmpty();
        assertThat(document.select("h2").eachText()).containsExactly("1. Overall escalation rate",
                "2. Top root causes", "3. Estimated cost impact");
        assertThat(document.select("img").attr("src")).isEqualTo("cid:" + ReportRenderer.CHART_CID);
        assertThat(document.select("script")).isEmpty();
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(document.text()).contains("8.00%", "6.30%", "up 1.70 pts, a significant change (p = 0.0031)", "+150.00%",
                "▲ increasing", "▼ decreasing", "3,187.50 USD", "42.50 USD per hour",
                "Forecast for November 2026: 7.29% (likely between 4.72% and 9.87%)",
                "What fixing would save", "would avoid about 25 escalations", "Invoice PDF is blank",
                "Data: newest import ended 2026-11-01 05:40 EST", "SLA attainment of the month's tickets");
        // one "increasing" and one "decreasing": the policy gap's new four are not a trend
        assertThat(document.select("strong:containsOwn(increasing), strong:containsOwn(decreasing)")).hasSize(2);
        // product area and unmapped reason code come from tickets: shown as text, never as markup
        assertThat(document.text()).contains("Billing " + HOSTILE, "Tier 2 " + HOSTILE, "refund_" + HOSTILE);
        assertThat(document.select("th").eachText()).contains("Top product area", "Top team");
        // styles are inline: no style sheet for clients that drop them
        assertThat(document.select("style, link")).isEmpty();
        // a root cause with a link (escalation.public-url set) leads from its count to its tickets; one without
        // shows the count alone; each of its top three known issues leads to its tickets, the rest to the
        // report's known-issues page as "+2 more"
        assertThat(document.select("a[href='https://ea.example.com/tickets?rootCause=product_bug']").text()).isEqualTo("30");
        assertThat(document.select("a[href*='knownIssue=']").eachText()).containsExactly("KI-318", "KI-327", "KI-330");
        assertThat(document.select("a[href='https://ea.example.com/reports/r1/known-issues#product_bug']").text())
                .isEqualTo("+2 more");
        assertThat(document.select("a").size()).isEqualTo(5);
    }

    @Test
    void theTextPartSaysTheSame() {
        String text = renderer().text(report());
        assertThat(text).contains("October 2026: 8.00% (September 2026: 6.30%; up 1.70 pts, a significant change (p = 0.0031))")
                .contains("product bug: 30 (previous 12, +150.00%; 3-month average 17.33) INCREASING; top product area: Billing "
                        + HOSTILE + "; top team: Tier 2 " + HOSTILE + "\n       KI-318 Export " + HOSTILE + ": 25\n")
                .contains("+2 more known issues: https://ea.example.com/reports/r1/known-issues#product_bug")
                .contains("training gap: 15 (previous 20, -25.00%; 3-month average 25.00) DECREASING")
                .contains("Forecast for November 2026")
                .contains("* Fixing KI-318 (Export) would avoid about 25 escalations")
                .contains("Data: newest import ended")
                .contains("policy gap: 4 (previous 0, new; 3-month average 1.33)\n")
                .contains("product bug: 30 escalations x 120.00 min = 2,550.00")
                .contains("Total: 3,187.50");
    }
}

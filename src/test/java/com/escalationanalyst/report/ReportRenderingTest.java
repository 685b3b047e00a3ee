package com.escalationanalyst.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.report.MonthlyReportView.CostLine;
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
                "1.70 pts", "up", 88, 63, "+39.68%",
                List.of(new RootCauseLine("product bug", 30, 12, "+150.00%", "17.33", true, "Billing " + HOSTILE,
                        "Tier 2 " + HOSTILE, "KI-318 " + HOSTILE + " (25)", "https://ea.example.com/tickets?rootCause=product_bug"),
                        new RootCauseLine("policy gap", 4, 0, "new", "1.33", false, "", "", "", null)),
                "USD", "42.50", "3,187.50",
                List.of(new CostLine("product bug", 30, "120.00", "2,550.00"),
                        new CostLine("training gap", 15, "60.00", "637.50")),
                "refund_" + HOSTILE);
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
    void theSubjectCarriesRateAndDirection() {
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, 1.1))
                .isEqualTo("Escalations October 2026: 7.42% (up 1.10 pts from September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 1), 5.0, -0.256))
                .isEqualTo("Escalations January 2026: 5.00% (down 0.26 pts from December)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, 0.001))
                .isEqualTo("Escalations October 2026: 7.42% (unchanged from September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), 7.42, null))
                .isEqualTo("Escalations October 2026: 7.42% (no data for September)");
        assertThat(ReportSubject.of(YearMonth.of(2026, 10), null, null)).isEqualTo("Escalations October 2026: no tickets");
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
        assertThat(document.text()).contains("8.00%", "6.30%", "up 1.70 pts", "+150.00%", "▲ increasing",
                "3,187.50 USD", "42.50 USD per hour");
        // product area and unmapped reason code come from tickets: shown as text, never as markup
        assertThat(document.text()).contains("Billing " + HOSTILE, "Tier 2 " + HOSTILE, "refund_" + HOSTILE);
        assertThat(document.select("th").eachText()).contains("Top product area", "Top team");
        // styles are inline: no style sheet for clients that drop them
        assertThat(document.select("style, link")).isEmpty();
        // a root cause with a link (escalation.public-url set) leads from its count to its tickets; one without
        // shows the count alone
        assertThat(document.select("a[href='https://ea.example.com/tickets?rootCause=product_bug']").text()).isEqualTo("30");
        assertThat(document.select("a").size()).isEqualTo(1);
    }

    @Test
    void theTextPartSaysTheSame() {
        String text = renderer().text(report());
        assertThat(text).contains("October 2026: 8.00% (September 2026: 6.30%; up 1.70 pts)")
                .contains("product bug: 30 (previous 12, +150.00%; 3-month average 17.33) INCREASING; top product area: Billing "
                        + HOSTILE + "; top team: Tier 2 " + HOSTILE + "; known issues")
                .contains("policy gap: 4 (previous 0, new; 3-month average 1.33)\n")
                .contains("product bug: 30 escalations x 120.00 min = 2,550.00")
                .contains("Total: 3,187.50");
    }
}

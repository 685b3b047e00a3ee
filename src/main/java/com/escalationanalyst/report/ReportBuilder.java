package com.escalationanalyst.report;

import com.escalationanalyst.drilldown.DrillDownLinks;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.report.MonthlyReportView.CostLine;
import com.escalationanalyst.report.MonthlyReportView.RootCauseLine;
import com.escalationanalyst.report.RateTrendChart.MonthRate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * "Build report": turns the scripts' results into the report (subject, HTML, text, chart). Numbers are
 * formatted here and only here: rates and changes with two decimals, money with thousands separators.
 */
@Component
class ReportBuilder {

    static final int CHART_MONTHS = 6;
    static final int KNOWN_ISSUES_PER_CAUSE = 3;
    static final String NOT_AVAILABLE = "n/a";

    record BuiltReport(String subject, String html, String text, byte[] chartPng) {
    }

    private final ReportRenderer renderer;
    /** Where readers of the mail reach this application; empty: the report has no links (a mail needs whole URLs). */
    private final String publicUrl;

    ReportBuilder(ITemplateEngine templates, @Value("${escalation.public-url:}") String publicUrl) {
        this.renderer = new ReportRenderer(templates);
        String url = publicUrl == null ? "" : publicUrl.trim();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    BuiltReport build(JsonNode trend, JsonNode cost, JsonNode knownIssues, JsonNode reportMonthFigures, String zone) {
        YearMonth month = YearMonth.parse(trend.get("month").asText());
        JsonNode overall = trend.get("overall");
        String subject = ReportSubject.of(month, number(overall.get("rate")), number(overall.get("changePts")));

        List<RootCauseLine> causes = new ArrayList<>();
        for (JsonNode cause : trend.get("rootCauses")) {
            String code = cause.get("rootCause").asText();
            if (cause.get("thisMonth").asLong() == 0 && cause.get("previousMonth").asLong() == 0) {
                continue;
            }
            JsonNode figures = reportMonthFigures.get("byRootCause").get(code);
            String area = figures == null || figures.get("topProductArea").isNull() ? "" : figures.get("topProductArea").asText();
            String team = figures == null || figures.path("topTeam").isNull() || figures.path("topTeam").isMissingNode()
                    ? "" : figures.get("topTeam").asText();
            causes.add(new RootCauseLine(label(code), cause.get("thisMonth").asLong(), cause.get("previousMonth").asLong(),
                    change(cause.get("momChangePct"), cause.get("momLabel").asText()), decimal(cause.get("movingAverage3")),
                    cause.get("increasing").asBoolean(), area, team, issues(knownIssues.get(code)),
                    ticketsLink(month, zone, code)));
        }
        List<CostLine> costs = new ArrayList<>();
        for (JsonNode line : cost.get("rootCauses")) {
            costs.add(new CostLine(label(line.get("rootCause").asText()), line.get("escalations").asLong(),
                    decimal(line.get("avgHandleMinutes")), money(line.get("cost"))));
        }
        List<String> unmapped = new ArrayList<>();
        reportMonthFigures.get("unmappedReasonCodes").forEach(code -> unmapped.add(code.asText()));

        MonthlyReportView view = new MonthlyReportView(PeriodResolver.monthLabel(month),
                PeriodResolver.monthLabel(month.minusMonths(1)), zone, percent(overall.get("rate")),
                percent(overall.get("previousRate")), points(overall.get("changePts")), overall.get("direction").asText(),
                overall.get("escalations").asLong(), overall.get("previousEscalations").asLong(),
                change(overall.get("momChangePct"), overall.get("momLabel").asText()), causes, cost.get("currency").asText(),
                money(cost.get("agentCostPerHour")), money(cost.get("total")), costs, String.join(", ", unmapped));

        List<MonthRate> chart = new ArrayList<>();
        JsonNode series = trend.get("rateSeries");
        for (int i = Math.max(0, series.size() - CHART_MONTHS); i < series.size(); i++) {
            JsonNode m = series.get(i);
            chart.add(new MonthRate(m.get("month").asText(), number(m.get("rate")), number(m.get("movingAverage3"))));
        }
        return new BuiltReport(subject, renderer.html(view), renderer.text(view), RateTrendChart.png(chart));
    }

    private static String issues(JsonNode issues) {
        if (issues == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(KNOWN_ISSUES_PER_CAUSE, issues.size()); i++) {
            JsonNode issue = issues.get(i);
            parts.add(issue.get("id").asText() + " " + issue.get("title").asText() + " (" + issue.get("tickets").asLong() + ")");
        }
        return String.join("; ", parts);
    }

    /** The month's escalations of a root cause on /tickets, with the month's exact instants in the report's zone. */
    private String ticketsLink(YearMonth month, String zone, String rootCause) {
        if (publicUrl.isEmpty()) {
            return null;
        }
        ZoneId id = ZoneId.of(zone);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("periodFrom", month.atDay(1).atStartOfDay(id).toOffsetDateTime().toString());
        parameters.put("periodTo", month.plusMonths(1).atDay(1).atStartOfDay(id).toOffsetDateTime().toString());
        parameters.put("rootCause", rootCause);
        return publicUrl + DrillDownLinks.tickets(parameters);
    }

    static String label(String rootCause) {
        return rootCause.replace('_', ' ');
    }

    static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    static String percent(JsonNode node) {
        return node == null || node.isNull() ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.2f%%", node.asDouble());
    }

    static String points(JsonNode node) {
        return node == null || node.isNull() ? "" : String.format(Locale.ROOT, "%.2f pts", Math.abs(node.asDouble()));
    }

    static String decimal(JsonNode node) {
        return node == null || node.isNull() ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.2f", node.asDouble());
    }

    static String money(JsonNode node) {
        return node == null || node.isNull() ? NOT_AVAILABLE : String.format(Locale.ROOT, "%,.2f", node.asDouble());
    }

    /** A month-over-month change: "+150.00%", "-25.00%", or the script's label when there is no percentage ("new"). */
    static String change(JsonNode pct, String label) {
        if (pct == null || pct.isNull()) {
            return label;
        }
        return String.format(Locale.ROOT, "%+.2f%%", pct.asDouble());
    }
}

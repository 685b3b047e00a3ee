package com.escalationanalyst.report;

import com.escalationanalyst.analysis.DrillDownLinks;
import com.escalationanalyst.analysis.patterns.FixSavings;
import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.process.NumberText;
import com.escalationanalyst.report.MonthlyReportView.CostLine;
import com.escalationanalyst.report.MonthlyReportView.IssueLine;
import com.escalationanalyst.report.MonthlyReportView.RootCauseLine;
import com.escalationanalyst.report.RateTrendChart.MonthRate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * "Build report": turns the scripts' results into the report (subject, HTML, text, chart). The report's numbers
 * are formatted here: rates and changes with two decimals, money with thousands separators; the savings sentences
 * and p-values as the patterns analysis writes them ({@link FixSavings}, {@link NumberText}).
 */
@Component
class ReportBuilder {

    static final int CHART_MONTHS = 6;
    static final int KNOWN_ISSUES_PER_CAUSE = 3;
    private static final Map<String, String> LOAD_NAMES = Map.of("import", "ticket import", "demo", "demo data load",
            "sync", "helpdesk sync");
    private static final DateTimeFormatter FOOTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    static final String NOT_AVAILABLE = "n/a";

    record BuiltReport(String subject, String html, String text, byte[] chartPng) {
    }

    private final ReportRenderer renderer;
    /** Where readers of the mail reach this application; empty: the report has no links (a mail needs whole URLs). */
    private final String publicUrl;

    ReportBuilder(ITemplateEngine templates, EscalationSettings escalation) {
        this.renderer = new ReportRenderer(templates);
        String url = escalation.publicUrl() == null ? "" : escalation.publicUrl().trim();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The inputs of one report: the scripts' and queries' results (JSON variables) and the run's names. */
    record Inputs(JsonNode trend, JsonNode cost, JsonNode knownIssues, JsonNode candidates, JsonNode reportMonthFigures,
                  JsonNode freshness, JsonNode slaReportMonth, JsonNode slaMonthBefore, String zone, String reportId) {
    }

    BuiltReport build(Inputs in) {
        JsonNode trend = in.trend();
        YearMonth month = YearMonth.parse(trend.get("month").asText());
        JsonNode overall = trend.get("overall");
        String subject = ReportSubject.of(month, number(overall.get("rate")), number(overall.get("changePts")),
                overall.get("direction").asText());

        List<RootCauseLine> causes = new ArrayList<>();
        for (JsonNode cause : trend.get("rootCauses")) {
            String code = cause.get("rootCause").asText();
            if (cause.get("thisMonth").asLong() == 0 && cause.get("previousMonth").asLong() == 0) {
                continue;
            }
            JsonNode figures = in.reportMonthFigures().get("byRootCause").get(code);
            String area = figures == null || figures.get("topProductArea").isNull() ? "" : figures.get("topProductArea").asText();
            String team = figures == null || figures.path("topTeam").isNull() || figures.path("topTeam").isMissingNode()
                    ? "" : figures.get("topTeam").asText();
            String direction = cause.get("direction").asText();
            JsonNode issues = in.knownIssues().get(code);
            int more = issues == null ? 0 : Math.max(0, issues.size() - KNOWN_ISSUES_PER_CAUSE);
            causes.add(new RootCauseLine(label(code), cause.get("thisMonth").asLong(), cause.get("previousMonth").asLong(),
                    change(cause.get("momChangePct"), cause.get("momLabel").asText()), decimal(cause.get("movingAverage3")),
                    "stable".equals(direction) ? "" : direction, area, team, issues(issues, month, in.zone(), code), more,
                    more > 0 ? link("/reports/" + in.reportId() + "/known-issues#" + code) : null,
                    ticketsLink(month, in.zone(), Map.of("rootCause", code))));
        }
        JsonNode cost = in.cost();
        List<CostLine> costs = new ArrayList<>();
        for (JsonNode line : cost.get("rootCauses")) {
            costs.add(new CostLine(label(line.get("rootCause").asText()), line.get("escalations").asLong(),
                    decimal(line.get("avgHandleMinutes")), money(line.get("cost"))));
        }
        List<String> savings = new ArrayList<>();
        for (JsonNode fix : cost.get("topSavings")) {
            savings.add(FixSavings.sentence(fix, cost.get("currency").asText(), cost.get("agentCostPerHour").asDouble(), "a month"));
        }
        List<String> candidates = new ArrayList<>();
        for (JsonNode candidate : in.candidates()) {
            candidates.add(candidate.get("productArea").asText() + ": “" + candidate.get("label").asText() + "” ("
                    + candidate.get("tickets").asLong() + " tickets)");
        }
        List<String> unmapped = new ArrayList<>();
        in.reportMonthFigures().get("unmappedReasonCodes").forEach(code -> unmapped.add(code.asText()));

        MonthlyReportView view = new MonthlyReportView(PeriodResolver.monthLabel(month),
                PeriodResolver.monthLabel(month.minusMonths(1)), in.zone(), percent(overall.get("rate")),
                percent(overall.get("previousRate")), overallChange(overall), overall.get("escalations").asLong(),
                overall.get("previousEscalations").asLong(), change(overall.get("momChangePct"), overall.get("momLabel").asText()),
                forecast(trend.get("forecast")), causes, candidates, cost.get("currency").asText(),
                money(cost.get("agentCostPerHour")), money(cost.get("total")), costs, savings,
                String.join(", ", unmapped), sla(in.slaReportMonth(), in.slaMonthBefore(), month),
                freshness(in.freshness(), in.zone()), freshnessWarning(in.freshness()));

        List<MonthRate> chart = new ArrayList<>();
        JsonNode series = trend.get("rateSeries");
        for (int i = Math.max(0, series.size() - CHART_MONTHS); i < series.size(); i++) {
            JsonNode m = series.get(i);
            chart.add(new MonthRate(m.get("month").asText(), number(m.get("rate")), number(m.get("movingAverage3"))));
        }
        JsonNode next = trend.get("forecast");
        RateTrendChart.Forecast forecast = next == null || next.isNull() ? null : new RateTrendChart.Forecast(
                next.get("month").asText(), next.get("rate").asDouble(), next.get("low").asDouble(), next.get("high").asDouble());
        return new BuiltReport(subject, renderer.html(view), renderer.text(view), RateTrendChart.png(chart, forecast));
    }

    /** The top known issues of a root cause, each linking to its tickets of the month. */
    private List<IssueLine> issues(JsonNode issues, YearMonth month, String zone, String rootCause) {
        List<IssueLine> lines = new ArrayList<>();
        if (issues == null) {
            return lines;
        }
        for (int i = 0; i < Math.min(KNOWN_ISSUES_PER_CAUSE, issues.size()); i++) {
            JsonNode issue = issues.get(i);
            lines.add(new IssueLine(issue.get("id").asText(), FixSavings.shortTitle(issue.get("title").asText()),
                    issue.get("tickets").asLong(),
                    ticketsLink(month, zone, Map.of("rootCause", rootCause, "knownIssue", issue.get("id").asText()))));
        }
        return lines;
    }

    /** "up 1.10 pts, a significant change (p = 0.0031)"; "+0.12 pts, not a significant change (p = 0.4100)". */
    static String overallChange(JsonNode overall) {
        JsonNode pts = overall.get("changePts");
        if (pts == null || pts.isNull()) {
            return "no previous month to compare";
        }
        String direction = overall.get("direction").asText();
        String p = overall.get("pValue").isNull() ? "" : " (p " + pText(overall.get("pValue").asDouble()) + ")";
        if ("up".equals(direction) || "down".equals(direction)) {
            return direction + " " + points(pts) + ", a significant change" + p;
        }
        return NumberText.points(pts.asDouble()) + ", not a significant change" + p;
    }

    private static String pText(double p) {
        String text = NumberText.pValue(p);
        return text.startsWith("<") ? text : "= " + text;
    }

    static String forecast(JsonNode forecast) {
        if (forecast == null || forecast.isNull()) {
            return "";
        }
        return "Forecast for " + PeriodResolver.monthLabel(YearMonth.parse(forecast.get("month").asText())) + ": "
                + percent(forecast.get("rate")) + " (likely between " + percent(forecast.get("low")) + " and "
                + percent(forecast.get("high")) + ")";
    }

    /**
     * After the three sections: "SLA attainment: first response 92.50% (October 94.10%, -1.60 pts), resolution
     * 88.00% (90.00%, -2.00 pts) of the targets decided"; empty without SLA policies.
     */
    static String sla(JsonNode now, JsonNode before, YearMonth month) {
        if (now == null || now.isNull()) {
            return "";
        }
        StringBuilder text = new StringBuilder("SLA attainment of the month's tickets (targets met of those decided): ");
        String[] names = {"firstResponse", "resolution"};
        for (int i = 0; i < names.length; i++) {
            Double rate = attainment(now.get(names[i]));
            Double previous = before == null || before.isNull() ? null : attainment(before.get(names[i]));
            text.append(i == 0 ? "first response " : "; resolution ")
                    .append(rate == null ? NOT_AVAILABLE : NumberText.percent(rate));
            if (previous != null) {
                text.append(" (").append(PeriodResolver.monthLabel(month.minusMonths(1)).split(" ")[0]).append(' ')
                        .append(NumberText.percent(previous));
                if (rate != null) {
                    text.append(", ").append(NumberText.points(rate - previous));
                }
                text.append(')');
            }
        }
        return text.append('.').toString();
    }

    /** met / (met + breached) x 100 of [met, breached, running]; null when none is decided. */
    static Double attainment(JsonNode counts) {
        long decided = counts.get(0).asLong() + counts.get(1).asLong();
        return decided == 0 ? null : counts.get(0).asLong() * 100.0 / decided;
    }

    /** The footer: the newest data load, tickets per day against the months before, days without tickets, sync incidents. */
    static String freshness(JsonNode f, String zone) {
        StringBuilder text = new StringBuilder("Data: ");
        if (f.get("lastLoadAt").isNull()) {
            text.append("no import or sync recorded");
        } else {
            text.append("newest ").append(LOAD_NAMES.getOrDefault(f.get("lastLoadKind").asText(), f.get("lastLoadKind").asText()))
                    .append(" ended ")
                    .append(FOOTER_TIME.format(Instant.parse(f.get("lastLoadAt").asText()).atZone(ZoneId.of(zone))));
        }
        text.append(String.format(Locale.ROOT, "; %,.1f tickets a day", f.get("ticketsPerDay").asDouble()));
        if (!f.get("expectedPerDay").isNull()) {
            text.append(String.format(Locale.ROOT, " (%,.1f a day in the months before: %.0f%%)",
                    f.get("expectedPerDay").asDouble(), f.get("volumeRatio").asDouble() * 100));
        }
        int missing = f.get("missingDays").size();
        text.append("; days without tickets: ").append(missing == 0 ? "none" : String.valueOf(missing));
        int incidents = f.get("syncIncidents").size();
        text.append("; open sync incidents: ").append(incidents == 0 ? "none" : String.valueOf(incidents)).append('.');
        return text.toString();
    }

    static String freshnessWarning(JsonNode f) {
        List<String> reasons = new ArrayList<>();
        f.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons.isEmpty() ? "" : "The data looked incomplete when this report was built: " + String.join("; ", reasons) + ".";
    }

    /** The month's escalations on /tickets with the month's exact instants in the report's zone, and {@code filters}. */
    private String ticketsLink(YearMonth month, String zone, Map<String, String> filters) {
        return link(monthTickets(month, ZoneId.of(zone), filters));
    }

    /** The path of a month's escalations on /tickets: the month's exact instants in {@code zone}, then {@code filters} by name. */
    static String monthTickets(YearMonth month, ZoneId zone, Map<String, String> filters) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("periodFrom", month.atDay(1).atStartOfDay(zone).toOffsetDateTime().toString());
        parameters.put("periodTo", month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime().toString());
        new TreeMap<>(filters).forEach(parameters::put);
        return DrillDownLinks.tickets(parameters);
    }

    /** A page of this application as a whole URL for the mail; none without {@code escalation.public-url}. */
    private String link(String path) {
        return publicUrl.isEmpty() ? null : publicUrl + path;
    }

    static String label(String rootCause) {
        return rootCause.replace('_', ' ');
    }

    static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    static String percent(JsonNode node) {
        return node == null || node.isNull() ? NOT_AVAILABLE : NumberText.percent(node.asDouble());
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

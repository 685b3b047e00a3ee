package com.escalationanalyst.report;

import com.escalationanalyst.report.MonthlyReportView.CostLine;
import com.escalationanalyst.report.MonthlyReportView.IssueLine;
import com.escalationanalyst.report.MonthlyReportView.RootCauseLine;
import java.util.Locale;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the monthly report: HTML for e-mail clients (inline styles, table layout, the chart as a
 * CID image, every ticket-derived text escaped by Thymeleaf) and the plain-text alternative.
 */
public final class ReportRenderer {

    public static final String CHART_CID = "rate-chart";
    static final String TEMPLATE = "report/monthly-report";

    private final ITemplateEngine templates;

    public ReportRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    public String html(MonthlyReportView report) {
        Context context = new Context();
        context.setVariable("report", report);
        context.setVariable("chartCid", CHART_CID);
        return templates.process(TEMPLATE, context);
    }

    public String text(MonthlyReportView report) {
        StringBuilder text = new StringBuilder();
        text.append("Escalations ").append(report.monthLabel()).append("\n\n");
        text.append("1. Overall escalation rate\n");
        text.append("   ").append(report.monthLabel()).append(": ").append(report.rate())
                .append(" (").append(report.previousMonthLabel()).append(": ").append(report.previousRate())
                .append("; ").append(report.change()).append(")\n");
        text.append("   Escalated tickets: ").append(report.escalations()).append(" (")
                .append(report.previousMonthLabel()).append(": ").append(report.previousEscalations()).append(", ")
                .append(report.escalationsChange()).append(")\n");
        if (!report.forecast().isEmpty()) {
            text.append("   ").append(report.forecast()).append('\n');
        }
        text.append("\n2. Top root causes\n");
        for (RootCauseLine line : report.rootCauses()) {
            text.append("   - ").append(line.rootCause()).append(": ").append(line.thisMonth())
                    .append(" (previous ").append(line.previousMonth()).append(", ").append(line.change())
                    .append("; 3-month average ").append(line.movingAverage3()).append(')')
                    .append(line.trend().isEmpty() ? "" : " " + line.trend().toUpperCase(Locale.ROOT));
            if (!line.topProductArea().isEmpty()) {
                text.append("; top product area: ").append(line.topProductArea());
            }
            if (!line.topTeam().isEmpty()) {
                text.append("; top team: ").append(line.topTeam());
            }
            text.append('\n');
            for (IssueLine issue : line.knownIssues()) {
                text.append("       ").append(issue.id()).append(' ').append(issue.title()).append(": ")
                        .append(issue.tickets()).append('\n');
            }
            if (line.moreIssues() > 0) {
                text.append("       +").append(line.moreIssues()).append(" more known issues")
                        .append(line.moreIssuesLink() == null ? "" : ": " + line.moreIssuesLink()).append('\n');
            }
        }
        if (!report.candidates().isEmpty()) {
            text.append("   Possible new known issues: ").append(String.join("; ", report.candidates())).append('\n');
        }
        if (!report.unmappedReasonCodes().isEmpty()) {
            text.append("   Reason codes missing from the policy map, counted as unclassified: ")
                    .append(report.unmappedReasonCodes()).append('\n');
        }
        text.append("\n3. Estimated cost impact (").append(report.currency()).append(", agent cost ")
                .append(report.agentCostPerHour()).append(" per hour)\n");
        for (CostLine line : report.costs()) {
            text.append("   - ").append(line.rootCause()).append(": ").append(line.escalations())
                    .append(" escalations x ").append(line.avgHandleMinutes()).append(" min = ")
                    .append(line.cost()).append('\n');
        }
        text.append("   Total: ").append(report.totalCost()).append('\n');
        if (!report.savings().isEmpty()) {
            text.append("   What fixing would save:\n");
            for (String saving : report.savings()) {
                text.append("   * ").append(saving).append('\n');
            }
        }
        if (!report.sla().isEmpty()) {
            text.append("\n").append(report.sla()).append('\n');
        }
        text.append("\n").append(report.freshness()).append('\n');
        if (!report.freshnessWarning().isEmpty()) {
            text.append(report.freshnessWarning()).append('\n');
        }
        text.append("Times are in ").append(report.zone()).append(".\n");
        return text.toString();
    }
}

package com.escalationanalyst.report;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Variable names of MonthlyEscalationReportProcess. */
public final class ReportVariables {

    /** Inputs (form, API; the timer sets none and gets the defaults). */
    public static final String MONTH = "month";
    public static final String AGENT_COST_PER_HOUR = "agentCostPerHour";
    public static final String SEND = "send";
    public static final String FORCE = "force";
    /** "timer", "form" or "api". */
    public static final String TRIGGER = "trigger";

    /** Set by "Resolve report month". */
    public static final String REPORT_MONTH = "reportMonth";
    public static final String TIME_ZONE = "timeZone";
    public static final String CURRENCY = "currency";
    public static final String ALREADY_SENT = "alreadySent";
    /** Set by "Resolve report month": the person who asked for it from Tasklist waits for "Read the report". */
    public static final String READER_WAITING = "readerWaiting";
    /** Set by "Resolve report month" when the report is to be sent: {recipients: [...], refused: [{address, reason}]}. */
    public static final String RECIPIENTS = "recipients";
    public static final String KNOWLEDGE_GENERATION = "knowledgeGeneration";

    /** Set by "Resolve report month": escalation.report.trend.* for trend_analysis.py (JSON). */
    public static final String TREND_RULES = "trendRules";

    /** Set by "Check the data's freshness" (and again by "Hold the mail until the data is complete"). */
    public static final String FRESHNESS = "freshness";
    public static final String DATA_COMPLETE = "dataComplete";

    /** Query results (JSON): the report month, the month before, the six months before that. */
    public static final String REPORT_MONTH_FIGURES = "reportMonthFigures";
    public static final String PREVIOUS_MONTH_FIGURES = "previousMonthFigures";
    public static final String TRAILING_MONTH_FIGURES = "trailingMonthFigures";
    public static final String KNOWN_ISSUES = "knownIssues";
    public static final String CANDIDATE_ISSUES = "candidateIssues";
    /** SLA attainment of the report month and of the month before ({firstResponse, resolution}: [met, breached, running]). */
    public static final String SLA_REPORT_MONTH = "slaReportMonth";
    public static final String SLA_MONTH_BEFORE = "slaMonthBefore";

    /** Script results (JSON). */
    public static final String TREND = "trend";
    public static final String COST_IMPACT = "costImpact";

    /** "Build report": the subject is kept; HTML, text and chart are transient until stored. */
    public static final String SUBJECT = "subject";
    public static final String HTML = "reportHtml";
    public static final String TEXT = "reportText";
    public static final String CHART = "reportChart";

    public static final String REPORT_ID = "reportId";
    /** Where the stored report opens in a browser (for the "Read the report" task). */
    public static final String REPORT_LINK = "reportLink";

    /** Set by the schedule pool's call activity ({@code camunda:in sourceExpression="timer"}). */
    public static final String TRIGGER_TIMER = "timer";
    public static final String TRIGGER_FORM = "form";
    public static final String TRIGGER_API = "api";

    private ReportVariables() {
    }

    /** The month "Resolve report month" settled on. */
    static YearMonth reportMonth(VariableScope execution) {
        return YearMonth.parse((String) execution.getVariable(REPORT_MONTH));
    }

    /** The knowledge generation every step of the run reads. */
    static long knowledgeGeneration(VariableScope execution) {
        return (Long) execution.getVariable(KNOWLEDGE_GENERATION);
    }
}

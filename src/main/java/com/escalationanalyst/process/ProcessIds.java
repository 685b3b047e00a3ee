package com.escalationanalyst.process;

/** Process definition keys; each equals its file name under bpmn/. */
public final class ProcessIds {

    public static final String SELF_CHECK = "SelfCheckProcess";
    public static final String ANALYZE_ESCALATION_PATTERNS = "AnalyzeEscalationPatternsProcess";
    public static final String COMPARE_SEGMENT_ESCALATION_RATES = "CompareSegmentEscalationRatesProcess";
    /** A question in words, answered by one of the two analyses or a report preview. */
    public static final String ASK = "AskEscalationAnalystProcess";

    public static final String MONTHLY_ESCALATION_REPORT = "MonthlyEscalationReportProcess";
    /** The timer pool of MonthlyEscalationReportProcess.bpmn, which calls the report process. */
    public static final String MONTHLY_ESCALATION_REPORT_SCHEDULE = "MonthlyEscalationReportScheduleProcess";

    public static final String SYNC_HELPDESK = "SyncHelpdeskProcess";
    public static final String SYNC_CRM = "SyncCrmProcess";
    /** SLA attainment of a period's tickets and the relative risk of escalation after a breach. */
    public static final String MEASURE_SLA_ATTAINMENT = "MeasureSlaAttainmentProcess";
    /** Every few minutes: open tickets at risk of breaching their SLA, or breached, raised to their teams. */
    public static final String SLA_MONITOR = "SlaMonitorProcess";
    /** One per team with open SLA alerts: its Tasklist task, closed by the monitor once every alert is answered. */
    public static final String SLA_TEAM_ALERTS = "SlaTeamAlertsProcess";

    private ProcessIds() {
    }
}

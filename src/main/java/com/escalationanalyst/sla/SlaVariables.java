package com.escalationanalyst.sla;

/** Variable names of SlaMonitorProcess and SlaTeamAlertsProcess. */
final class SlaVariables {

    /** The monitor's counts of one cycle. */
    static final String OPEN_TICKETS = "openTickets";
    static final String WITHOUT_POLICY = "ticketsWithoutPolicy";
    static final String NEWLY_AT_RISK = "newlyAtRisk";
    static final String NEWLY_BREACHED = "newlyBreached";
    static final String TEAMS_WITH_ALERTS = "teamsWithAlerts";
    static final String OPEN_ALERTS = "openAlerts";

    /** A team's alerts process: its team (also the business key), the alerts by time to breach, and their count. */
    static final String TEAM = "team";
    static final String ALERTS = "alerts";
    static final String ALERT_COUNT = "alertCount";
    static final String HEADLINE = "headline";

    /** SLA attainment: the counts of "Measure SLA attainment" and the rates of "Compute attainment" (JSON). */
    static final String SLA_COUNTS = "slaCounts";
    static final String ATTAINMENT = "attainment";

    /** Ends a team's alerts process once none of its alerts is open. */
    static final String ALERTS_CLEARED = "SlaAlertsCleared";

    private SlaVariables() {
    }
}

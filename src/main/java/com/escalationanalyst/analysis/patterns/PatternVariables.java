package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.AnalysisVariables;
import java.util.Set;

/** Variable names of AnalyzeEscalationPatternsProcess (besides AnalysisVariables). */
final class PatternVariables {

    /** [{rootCause, productArea, count, resolved, resolutionMillis}] */
    /** The inputs patterns take beside the common ones (period, from, to, productArea, question). */
    static final Set<String> INPUTS = Set.of(AnalysisVariables.SEGMENT, AnalysisVariables.TIER, AnalysisVariables.REGION);
    static final String CUBE = "cube";
    /** Root cause → the team (assignee group) with most of its escalations. */
    static final String TOP_TEAMS = "topTeams";
    static final String TOP_PRODUCT_AREAS = "topProductAreas";
    /** {totalTickets, escalatedTickets, escalationMillis, escalationTimed} */
    static final String TOTALS = "totals";
    /** escalation.cost.*, for the estimated cost of each root cause. */
    static final String AGENT_COST_PER_HOUR = "agentCostPerHour";
    static final String CURRENCY = "currency";
    static final String UNMAPPED_REASON_CODES = "unmappedReasonCodes";
    /** Output of rank_root_causes.py. */
    static final String RANKING = "ranking";
    static final String FINDINGS = "knownIssueFindings";
    /** One entry per ranked root cause: the inputs of the RecommendedAction decision. */
    static final String RECOMMENDATION_INPUTS = "recommendationInputs";
    /** rootCause → {action, policyQuery}, collected from the decision. */
    static final String RECOMMENDATIONS = "recommendations";
    /** Local variables of one "Recommend action" instance. */
    /** For the review form: the period's figures in a sentence, the unmapped codes, and two tables (JSON). */
    static final String HEADLINE = "headline";
    static final String UNMAPPED_TEXT = "unmappedCodesText";
    static final String CANDIDATE_ISSUES_TABLE = "candidateIssuesTable";
    static final String STILL_ESCALATING_TABLE = "stillEscalatingTable";
    /** Markdown links from each root cause's count to its tickets. */
    static final String TICKET_LINKS = "ticketLinks";
    static final String CANDIDATE_LINKS = "candidateLinks";
    /** "What fixing would save" (cost_impact.py) and its top three as sentences for the review form. */
    static final String COST_IMPACT = "costImpact";
    static final String SAVINGS_TEXT = "savingsText";
    static final String ROW = "row";
    static final String ROOT_CAUSE = "rootCause";
    static final String RECOMMENDATION = "recommendation";

    private PatternVariables() {
    }
}

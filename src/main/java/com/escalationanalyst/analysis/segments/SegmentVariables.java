package com.escalationanalyst.analysis.segments;

/** Variable names of CompareSegmentEscalationRatesProcess (besides AnalysisVariables). */
final class SegmentVariables {

    static final String DIMENSION = "dimension";
    /** Transient: account id → {tickets, escalated}; lives only while the run's transaction does. */
    static final String ACCOUNT_TOTALS = "accountTotals";
    /** [{value, totalTickets, escalatedTickets}] */
    static final String SEGMENT_COUNTS = "segmentCounts";
    static final String MIN_TICKETS = "minTickets";
    static final String ALPHA = "alpha";
    /** Output of segment_rates.py. */
    static final String SEGMENT_RESULT = "segmentResult";
    /** For the review form: the overall rate the groups are measured against, in a sentence. */
    static final String OVERALL_RATE_TEXT = "overallRateText";
    /** Markdown links from each group to its tickets. */
    static final String TICKET_LINKS = "ticketLinks";

    private SegmentVariables() {
    }
}

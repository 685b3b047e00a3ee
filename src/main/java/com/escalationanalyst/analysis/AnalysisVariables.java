package com.escalationanalyst.analysis;

import com.escalationanalyst.period.PeriodVariables;

/** Variable names shared by the analysis processes. */
public final class AnalysisVariables {

    /** Inputs of a run. */
    public static final String PERIOD = PeriodVariables.PERIOD;
    public static final String FROM = PeriodVariables.FROM;
    public static final String TO = PeriodVariables.TO;
    public static final String PRODUCT_AREA = "productArea";
    public static final String SEGMENT = "segment";
    public static final String TIER = "tier";
    public static final String REGION = "region";
    /** The question an asked run answers (set by AskEscalationAnalystProcess). */
    public static final String QUESTION = "question";
    /** "api" for runs started by the API, "ask" for asked ones; absent for Tasklist runs, which get a review task. */
    public static final String SOURCE = "source";
    public static final String SOURCE_API = "api";
    /** Started by AskEscalationAnalystProcess, which shows the answer itself. */
    public static final String SOURCE_ASK = "ask";
    public static final String INITIATOR = "initiator";
    /** Set as a run starts: true when a person started it from Tasklist and waits for the review task. */
    public static final String REVIEW_REQUESTED = "reviewRequested";
    /** Set by the first step of the self-check, the question and the report: true when someone waits to read it. */
    public static final String READER_WAITING = "readerWaiting";

    /** The resolved period. */
    public static final String PERIOD_FROM = PeriodVariables.PERIOD_FROM;
    public static final String PERIOD_TO = PeriodVariables.PERIOD_TO;
    public static final String PERIOD_ZONE = PeriodVariables.PERIOD_ZONE;
    public static final String PERIOD_LABEL = PeriodVariables.PERIOD_LABEL;
    /** The knowledge generation a run reads from its first step to its last. */
    public static final String KNOWLEDGE_GENERATION = "knowledgeGeneration";

    /** The answer of a run (JSON), as the API returns it. */
    public static final String RESULT = "result";
    /** Rows for the review form's table (JSON). */
    public static final String SUMMARY_TABLE = "summaryTable";

    private AnalysisVariables() {
    }
}

package com.escalationanalyst.ask;

/** Variables of AskEscalationAnalystProcess beside the analyses' inputs (period, productArea, segment, ...). */
final class AskVariables {

    static final String ASKED_SKILL = "askedSkill";
    static final String DIMENSION = "dimension";
    static final String MONTH = "month";
    /** What was understood, in one line ("Escalation patterns for Billing: 1 Jul – 30 Sep 2026"). */
    static final String UNDERSTOOD = "understood";
    static final String CLARIFICATION = "clarification";
    /** JSON list of what was read but not used. */
    static final String NOTES = "askNotes";
    /** The called skill's answer (JSON), and for a report preview its id, link and subject. */
    static final String SKILL_RESULT = "skillResult";
    static final String REPORT_ID = "reportId";
    static final String REPORT_LINK = "reportLink";
    static final String SUBJECT = "subject";
    static final String ARCHIVE_LINK = "archiveLink";
    /** The answer: JSON for the API, the narrative in Markdown for the form. */
    static final String ANSWER = "answer";
    static final String NARRATIVE = "narrative";

    private AskVariables() {
    }
}

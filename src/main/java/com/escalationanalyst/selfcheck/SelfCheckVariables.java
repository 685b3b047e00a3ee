package com.escalationanalyst.selfcheck;

/** Variable names of SelfCheckProcess. */
final class SelfCheckVariables {

    static final String TICKET_COUNT = "ticketCount";
    static final String ESCALATED_COUNT = "escalatedCount";
    static final String ACCOUNT_COUNT = "accountCount";
    static final String LATEST_TICKET_AT = "latestTicketAt";
    static final String PYTHON_VERSION = "pythonVersion";
    static final String ESCALATION_RATE = "escalationRate";
    static final String SUMMARY = "summary";

    private SelfCheckVariables() {
    }
}

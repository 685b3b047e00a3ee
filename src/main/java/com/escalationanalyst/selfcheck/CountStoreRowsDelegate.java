package com.escalationanalyst.selfcheck;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the row counts of both stores through their own data sources. */
@Component("countStoreRowsDelegate")
class CountStoreRowsDelegate implements JavaDelegate {

    private final HelpdeskDatabase helpdesk;
    private final CrmDatabase crm;

    CountStoreRowsDelegate(HelpdeskDatabase helpdesk, CrmDatabase crm) {
        this.helpdesk = helpdesk;
        this.crm = crm;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HelpdeskDatabase.TicketCounts tickets = helpdesk.ticketCounts();
        long accounts = crm.accountCount();
        execution.setVariable(AnalysisVariables.READER_WAITING,
                !AnalysisVariables.SOURCE_API.equals(execution.getVariable(AnalysisVariables.SOURCE)));
        execution.setVariable(SelfCheckVariables.TICKET_COUNT, tickets.tickets());
        execution.setVariable(SelfCheckVariables.ESCALATED_COUNT, tickets.escalated());
        execution.setVariable(SelfCheckVariables.ACCOUNT_COUNT, accounts);
        execution.setVariable(SelfCheckVariables.LATEST_TICKET_AT,
                tickets.latestCreatedAt() == null ? null : tickets.latestCreatedAt().toString());
    }
}

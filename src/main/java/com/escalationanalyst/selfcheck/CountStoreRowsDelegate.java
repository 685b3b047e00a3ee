package com.escalationanalyst.selfcheck;

import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import java.time.OffsetDateTime;
import java.util.Map;
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
        Map<String, Object> tickets = helpdesk.jdbc().queryForMap("""
                SELECT COUNT(*) AS tickets,
                       COALESCE(SUM(CASE WHEN escalated THEN 1 ELSE 0 END), 0) AS escalated
                FROM ticket
                """);
        OffsetDateTime latest = helpdesk.jdbc().queryForObject("SELECT MAX(created_at) FROM ticket", OffsetDateTime.class);
        Long accounts = crm.jdbc().queryForObject("SELECT COUNT(*) FROM account", Long.class);
        execution.setVariable(AnalysisVariables.READER_WAITING,
                !AnalysisVariables.SOURCE_API.equals(execution.getVariable(AnalysisVariables.SOURCE)));
        execution.setVariable(SelfCheckVariables.TICKET_COUNT, ((Number) tickets.get("tickets")).longValue());
        execution.setVariable(SelfCheckVariables.ESCALATED_COUNT, ((Number) tickets.get("escalated")).longValue());
        execution.setVariable(SelfCheckVariables.ACCOUNT_COUNT, accounts);
        execution.setVariable(SelfCheckVariables.LATEST_TICKET_AT, latest == null ? null : latest.toString());
    }
}

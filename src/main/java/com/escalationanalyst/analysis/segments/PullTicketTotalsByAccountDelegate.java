package com.escalationanalyst.analysis.segments;

import static com.escalationanalyst.analysis.AnalysisVariables.PRODUCT_AREA;

import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.period.PeriodVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Pull ticket totals by account": one SQL aggregate over the helpdesk. The per-account totals are a
 * transient variable: they reach the next task of the same transaction and are never stored.
 */
@Component("pullTicketTotalsByAccountDelegate")
class PullTicketTotalsByAccountDelegate implements JavaDelegate {

    private final SegmentQueries queries;
    private final TicketFilterFactory filters;

    PullTicketTotalsByAccountDelegate(SegmentQueries queries, TicketFilterFactory filters) {
        this.queries = queries;
        this.filters = filters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var filter = filters.filter(PeriodVariables.read(execution), (String) execution.getVariable(PRODUCT_AREA), null,
                null, null);
        execution.setVariable(SegmentVariables.ACCOUNT_TOTALS,
                Variables.objectValue(queries.totalsByAccount(filter), true).create());
    }
}

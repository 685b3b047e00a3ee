package com.escalationanalyst.analysis;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodVariables;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the ticket filter of a run, looking segments up in the CRM. */
@Component
public class TicketFilterFactory {

    private final CrmDatabase crm;

    TicketFilterFactory(CrmDatabase crm) {
        this.crm = crm;
    }

    /** The filter of a run: its resolved period and its productArea and segment variables. */
    public TicketFilter filterOf(VariableScope run) {
        return filter(PeriodVariables.read(run), (String) run.getVariable(AnalysisVariables.PRODUCT_AREA),
                (String) run.getVariable(AnalysisVariables.SEGMENT));
    }

    public TicketFilter filter(Period period, String productArea, String segment) {
        String area = blankToNull(productArea);
        String seg = blankToNull(segment);
        if (seg == null) {
            return new TicketFilter(period, area, null, null, false);
        }
        if (seg.equalsIgnoreCase(TicketFilter.UNKNOWN_SEGMENT)) {
            return new TicketFilter(period, area, TicketFilter.UNKNOWN_SEGMENT,
                    crm.jdbc().queryForList("SELECT account_id FROM account", String.class), true);
        }
        List<String> accounts = crm.jdbc().queryForList("SELECT account_id FROM account WHERE segment = ?",
                String.class, seg);
        if (accounts.isEmpty()) {
            throw unknownSegment(seg);
        }
        return new TicketFilter(period, area, seg, accounts, false);
    }

    /** Fails with a 400 naming the field when a segment has no accounts; reads no account ids. */
    public void checkSegment(String segment) {
        String seg = blankToNull(segment);
        if (seg != null && !seg.equalsIgnoreCase(TicketFilter.UNKNOWN_SEGMENT) && crm.jdbc().queryForObject(
                "SELECT COUNT(*) FROM account WHERE segment = ?", Long.class, seg) == 0) {
            throw unknownSegment(seg);
        }
    }

    private AnalysisRequestException unknownSegment(String segment) {
        List<String> segments = crm.jdbc().queryForList("SELECT DISTINCT segment FROM account ORDER BY segment",
                String.class);
        return new AnalysisRequestException("segment", "no account is in segment '" + segment + "'; the segments are "
                + String.join(", ", segments) + " and " + TicketFilter.UNKNOWN_SEGMENT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

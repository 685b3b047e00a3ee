package com.escalationanalyst.analysis;

import com.escalationanalyst.crm.CrmDatabase;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Builds the ticket filter of a run, looking segments, tiers and regions up in the CRM. */
@Component
public class TicketFilterFactory {

    private final CrmDatabase crm;

    TicketFilterFactory(CrmDatabase crm) {
        this.crm = crm;
    }

    /** The filter of a run: its resolved period and its productArea, segment, tier and region variables. */
    public TicketFilter filterOf(VariableScope run) {
        return filter(PeriodVariables.read(run), (String) run.getVariable(AnalysisVariables.PRODUCT_AREA),
                (String) run.getVariable(AnalysisVariables.SEGMENT), (String) run.getVariable(AnalysisVariables.TIER),
                (String) run.getVariable(AnalysisVariables.REGION));
    }

    public TicketFilter filter(Period period, String productArea, String segment, String tier, String region) {
        String area = blankToNull(productArea);
        String seg = blankToNull(segment);
        String t = blankToNull(tier);
        String r = blankToNull(region);
        if (seg == null && t == null && r == null) {
            return new TicketFilter(period, area, null, null, null, null, false);
        }
        if (seg != null && seg.equalsIgnoreCase(TicketFilter.UNKNOWN_SEGMENT)) {
            if (t != null || r != null) {
                throw new AnalysisRequestException(t != null ? "tier" : "region", "tickets of accounts the CRM does not"
                        + " know (segment " + TicketFilter.UNKNOWN_SEGMENT + ") have no " + (t != null ? "tier" : "region"));
            }
            return new TicketFilter(period, area, TicketFilter.UNKNOWN_SEGMENT, null, null,
                    crm.accountIds(), true);
        }
        checkAccountValues(seg, t, r);
        List<String> accounts = crm.accountIdsWith(seg, t, r);
        if (accounts.isEmpty()) {
            throw new AnalysisRequestException(r != null ? "region" : "tier", "no account is in "
                    + describe(seg, t, r) + " together");
        }
        return new TicketFilter(period, area, seg, t, r, accounts, false);
    }

    /** Fails with a 400 naming the field when a segment, tier or region has no accounts; reads no account ids. */
    public void checkAccountValues(String segment, String tier, String region) {
        check("segment", blankToNull(segment), true);
        check("tier", blankToNull(tier), false);
        check("region", blankToNull(region), false);
    }

    private void check(String column, String value, boolean unknownAllowed) {
        if (value == null || (unknownAllowed && value.equalsIgnoreCase(TicketFilter.UNKNOWN_SEGMENT))) {
            return;
        }
        if (!crm.anyAccountWith(column, value)) {
            List<String> values = crm.valuesOf(column);
            throw new AnalysisRequestException(column, "no account is in " + column + " '" + value + "'; the "
                    + column + "s are " + String.join(", ", values)
                    + (unknownAllowed ? " and " + TicketFilter.UNKNOWN_SEGMENT : ""));
        }
    }

    private static String describe(String segment, String tier, String region) {
        List<String> parts = new ArrayList<>();
        if (segment != null) {
            parts.add("segment '" + segment + "'");
        }
        if (tier != null) {
            parts.add("tier '" + tier + "'");
        }
        if (region != null) {
            parts.add("region '" + region + "'");
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.segments.SegmentQueries.AccountTotals;
import com.escalationanalyst.process.JsonVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Look up customer segments": reads the CRM (which may be another database) into a hash map of
 * account → dimension value and adds each account's totals to its value; accounts the CRM does not
 * know, and tickets without an account, count as "unknown".
 */
@Component("lookUpCustomerSegmentsDelegate")
class LookUpCustomerSegmentsDelegate implements JavaDelegate {

    record ValueCounts(String value, long totalTickets, long escalatedTickets) {
    }

    private final SegmentQueries queries;
    private final SegmentSettings settings;

    LookUpCustomerSegmentsDelegate(SegmentQueries queries, SegmentSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        SegmentDimension dimension = SegmentDimension.parse((String) execution.getVariable(SegmentVariables.DIMENSION));
        Map<String, AccountTotals> totals = (Map<String, AccountTotals>) execution.getVariable(SegmentVariables.ACCOUNT_TOTALS);
        Map<String, String> valueOfAccount = new HashMap<>();
        queries.forEachAccount(dimension, (account, value) -> {
            if (totals.containsKey(account)) {
                valueOfAccount.put(account, value);
            }
        });
        Map<String, long[]> byValue = new TreeMap<>();
        totals.forEach((account, t) -> {
            long[] sums = byValue.computeIfAbsent(valueOfAccount.getOrDefault(account, SegmentDimension.UNKNOWN),
                    v -> new long[2]);
            sums[0] += t.tickets();
            sums[1] += t.escalated();
        });
        List<ValueCounts> counts = new ArrayList<>();
        byValue.forEach((value, sums) -> counts.add(new ValueCounts(value, sums[0], sums[1])));
        execution.setVariable(SegmentVariables.SEGMENT_COUNTS, JsonVariables.json(counts));
        execution.setVariable(SegmentVariables.MIN_TICKETS, settings.minTickets());
        execution.setVariable(SegmentVariables.ALPHA, settings.alpha());
        execution.setVariable(SegmentVariables.DIMENSION, dimension.id());
    }
}

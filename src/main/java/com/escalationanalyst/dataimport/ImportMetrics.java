package com.escalationanalyst.dataimport;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * File imports as metrics: {@code escalation.import.rows} (tags kind = tickets, accounts, status-changes;
 * outcome = inserted, updated) and {@code escalation.import.rejections} (tag kind): files refused as a whole.
 */
@Component
public class ImportMetrics {

    private final MeterRegistry meters;

    ImportMetrics(MeterRegistry meters) {
        this.meters = meters;
        // every series from the start, at 0, so that rates and alerts see the first import
        for (String kind : new String[] {"tickets", "accounts", "status-changes"}) {
            meters.counter("escalation.import.rejections", "kind", kind);
            meters.counter("escalation.import.rows", "kind", kind, "outcome", "inserted");
            meters.counter("escalation.import.rows", "kind", kind, "outcome", "updated");
        }
    }

    /** Runs one file import and counts what it did. */
    ImportResult counted(String kind, Supplier<ImportResult> importing) {
        ImportResult result;
        try {
            result = importing.get();
        } catch (ImportRejectedException e) {
            meters.counter("escalation.import.rejections", "kind", kind).increment();
            throw e;
        }
        meters.counter("escalation.import.rows", "kind", kind, "outcome", "inserted").increment(result.inserted());
        meters.counter("escalation.import.rows", "kind", kind, "outcome", "updated").increment(result.updated());
        return result;
    }
}

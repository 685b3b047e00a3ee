package com.escalationanalyst.analysis.patterns;

import static com.escalationanalyst.analysis.AnalysisVariables.KNOWLEDGE_GENERATION;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalationCell;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.process.JsonVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Pull escalated tickets": the period's ticket total and the escalation cube (root cause ×
 * product area: count, resolved, summed resolution time) computed in SQL per reason code, then
 * mapped to root causes with the active reason-code map. The knowledge generation read here is the
 * one every later step of the run uses.
 */
@Component("pullEscalatedTicketsDelegate")
class PullEscalatedTicketsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PullEscalatedTicketsDelegate.class);

    record CubeCell(String rootCause, String productArea, long count, long resolved, long resolutionMillis) {
    }

    record Totals(long totalTickets, long escalatedTickets, long escalationMillis, long escalationTimed) {
    }

    private final PatternQueries queries;
    private final TicketFilterFactory filters;
    private final KnowledgeService knowledge;

    PullEscalatedTicketsDelegate(PatternQueries queries, TicketFilterFactory filters, KnowledgeService knowledge) {
        this.queries = queries;
        this.filters = filters;
        this.knowledge = knowledge;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long started = System.nanoTime();
        KnowledgeSnapshot snapshot = knowledge.current();
        TicketFilter filter = filters.filterOf(execution);
        long total = queries.countTickets(filter);
        List<EscalationCell> cells = queries.escalationCells(filter);

        Map<String, long[]> cube = new TreeMap<>();
        TreeSet<String> unmapped = new TreeSet<>();
        long escalated = 0;
        long escalationMillis = 0;
        long timed = 0;
        for (EscalationCell cell : cells) {
            RootCause cause = snapshot.reasonCodes().rootCauseOf(cell.reasonCode());
            if (cell.reasonCode() != null && cause == RootCause.UNCLASSIFIED) {
                unmapped.add(cell.reasonCode());
            }
            String area = cell.productArea() == null ? KnownIssueCrossReference.NO_AREA : cell.productArea();
            long[] sums = cube.computeIfAbsent(cause.code() + "\u0000" + area, k -> new long[3]);
            sums[0] += cell.count();
            sums[1] += cell.resolved();
            sums[2] += cell.resolutionMillis();
            escalated += cell.count();
            escalationMillis += cell.escalationMillis();
            timed += cell.timed();
        }
        List<CubeCell> rows = new ArrayList<>();
        cube.forEach((key, sums) -> {
            String[] parts = key.split("\u0000", 2);
            rows.add(new CubeCell(parts[0], parts[1], sums[0], sums[1], sums[2]));
        });
        execution.setVariable(KNOWLEDGE_GENERATION, snapshot.generation());
        execution.setVariable(PatternVariables.CUBE, JsonVariables.json(rows));
        execution.setVariable(PatternVariables.TOTALS, JsonVariables.json(new Totals(total, escalated, escalationMillis, timed)));
        execution.setVariable(PatternVariables.UNMAPPED_REASON_CODES, JsonVariables.json(unmapped));
        log.debug("Pull escalated tickets: {} tickets, {} escalated, {} cube cells in {} ms", total, escalated,
                rows.size(), (System.nanoTime() - started) / 1_000_000);
    }
}

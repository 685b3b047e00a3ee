package com.escalationanalyst.analysis.patterns;

import static com.escalationanalyst.analysis.AnalysisVariables.KNOWLEDGE_GENERATION;

import com.escalationanalyst.analysis.EscalationCube;
import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.Findings;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.config.CostSettings;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.NoteMatchStore;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.process.JsonVariables;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Pull escalated tickets and match known issues": the period's ticket total, and one streamed pass over its escalated
 * tickets (docs/design.md, "Architecture": cube and note stream) that builds the escalation cube (root cause × product area:
 * count, resolved, summed resolution time; reason codes mapped with the active map) and matches each
 * ticket's subject and notes against the known issues as it goes by; the notes are not kept. The
 * matches and candidate clusters are written as {@code knownIssueFindings}, which "Cross-reference
 * known issues" relates to the ranked root causes. The knowledge generation read here is the one
 * every later step of the run uses.
 */
@Component("pullEscalatedTicketsDelegate")
class PullEscalatedTicketsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PullEscalatedTicketsDelegate.class);

    record Totals(long totalTickets, long escalatedTickets, long escalationMillis, long escalationTimed) {
    }

    private final PatternQueries queries;
    private final TicketFilterFactory filters;
    private final KnowledgeService knowledge;
    private final PatternSettings settings;
    private final NoteEmbeddingStore vectors;
    private final NoteMatchStore decisions;
    private final CostSettings cost;
    private final MeterRegistry meters;
    private final ClusterMembers clusterMembers;
    /** Runs the period's ticket count on a connection of its own while the escalated tickets stream in. */
    private final ExecutorService counting = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "patterns-count");
        thread.setDaemon(true);
        return thread;
    });

    PullEscalatedTicketsDelegate(PatternQueries queries, TicketFilterFactory filters, KnowledgeService knowledge,
                                 PatternSettings settings, NoteEmbeddingStore vectors, NoteMatchStore decisions,
                                 CostSettings cost, ClusterMembers clusterMembers, MeterRegistry meters) {
        this.meters = meters;
        meters.counter(KnownIssueMatching.MATCHES, "analysis", "patterns");
        this.cost = cost;
        this.clusterMembers = clusterMembers;
        this.vectors = vectors;
        this.decisions = decisions;
        this.queries = queries;
        this.filters = filters;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    @PreDestroy
    void stop() {
        counting.shutdownNow();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long started = System.nanoTime();
        KnowledgeSnapshot snapshot = knowledge.current();
        TicketFilter filter = filters.filterOf(execution);
        Future<Long> total = counting.submit(() -> queries.countTickets(filter));

        EscalationCube cube = new EscalationCube(snapshot.reasonCodes());
        KnownIssueCrossReference crossReference = new KnownIssueCrossReference(snapshot, settings.documentedBugShare(),
                settings.clusterMinSize(), vectors, decisions);
        try {
            queries.streamEscalatedTickets(filter, ticket -> {
                EscalatedText text = ticket.text();
                cube.addTicket(text.reasonCode(), text.productArea(), ticket.team(), ticket.resolutionMillis(),
                        ticket.handleMinutes(), ticket.escalationMillis());
                crossReference.add(text);
            });
        } finally {
            // the count's connection goes back to the pool whatever happened here
            awaitQuietly(total);
        }
        Findings findings = crossReference.findings();
        meters.counter(KnownIssueMatching.MATCHES, "analysis", "patterns").increment(crossReference.matchedTickets());

        List<EscalationCube.Cell> rows = cube.cells();
        long escalated = cube.escalated();
        long escalationMillis = 0;
        long escalationTimed = 0;
        Map<String, EscalationCube.RootCauseTotals> byRootCause = cube.byRootCause();
        for (EscalationCube.RootCauseTotals totals : byRootCause.values()) {
            escalationMillis += totals.escalationMillis();
            escalationTimed += totals.escalationTimed();
        }
        execution.setVariable(KNOWLEDGE_GENERATION, snapshot.generation());
        execution.setVariable(PatternVariables.TOP_TEAMS, JsonVariables.json(cube.topTeams()));
        execution.setVariable(PatternVariables.TOP_PRODUCT_AREAS, JsonVariables.json(EscalationCube.topProductAreas(byRootCause)));
        execution.setVariable(PatternVariables.CUBE, JsonVariables.json(rows));
        execution.setVariable(PatternVariables.TOTALS,
                JsonVariables.json(new Totals(count(total), escalated, escalationMillis, escalationTimed)));
        execution.setVariable(PatternVariables.UNMAPPED_REASON_CODES, JsonVariables.json(cube.unmappedReasonCodes()));
        execution.setVariable(PatternVariables.AGENT_COST_PER_HOUR, cost.agentCostPerHour().doubleValue());
        execution.setVariable(PatternVariables.CURRENCY, cost.currency());
        execution.setVariable(PatternVariables.FINDINGS, JsonVariables.json(findings));
        clusterMembers.keep(execution.getProcessInstanceId(), findings.clusters());
        log.debug("Pull escalated tickets: {} escalated, {} cube cells, {} matched, {} clusters in {} ms", escalated,
                rows.size(), findings.ticketsMatched(), findings.clusters().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static long count(Future<Long> total) {
        try {
            return total.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting the period's tickets", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Counting the period's tickets failed", e.getCause());
        }
    }

    private static void awaitQuietly(Future<Long> total) {
        try {
            total.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by count() when the stream itself succeeded
        }
    }
}

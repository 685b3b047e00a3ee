package com.escalationanalyst.analysis.patterns;

import static com.escalationanalyst.analysis.AnalysisVariables.KNOWLEDGE_GENERATION;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.Findings;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.config.CostSettings;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.NoteMatchStore;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.process.JsonVariables;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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

    record CubeCell(String rootCause, String productArea, long count, long resolved, long resolutionMillis,
                    long handleMinutes, long handleTimed) {
    }

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

        Map<String, long[]> cube = new TreeMap<>();
        Map<String, Long> teams = new TreeMap<>();
        TreeSet<String> unmapped = new TreeSet<>();
        long[] timing = new long[2]; // escalation millis, tickets with an escalation time
        KnownIssueCrossReference crossReference = new KnownIssueCrossReference(snapshot, settings.documentedBugShare(),
                settings.clusterMinSize(), vectors, decisions);
        try {
            queries.streamEscalatedTickets(filter, ticket -> {
                EscalatedText text = ticket.text();
                RootCause cause = snapshot.reasonCodes().rootCauseOf(text.reasonCode());
                if (text.reasonCode() != null && cause == RootCause.UNCLASSIFIED) {
                    unmapped.add(text.reasonCode());
                }
                String area = text.productArea() == null ? KnownIssueCrossReference.NO_AREA : text.productArea();
                long[] sums = cube.computeIfAbsent(cause.code() + "\u0000" + area, k -> new long[5]);
                if (ticket.team() != null) {
                    teams.merge(cause.code() + "\u0000" + ticket.team(), 1L, Long::sum);
                }
                sums[0]++;
                if (ticket.resolutionMillis() != null) {
                    sums[1]++;
                    sums[2] += ticket.resolutionMillis();
                }
                if (ticket.handleMinutes() != null) {
                    sums[3] += ticket.handleMinutes();
                    sums[4]++;
                }
                if (ticket.escalationMillis() != null) {
                    timing[0] += ticket.escalationMillis();
                    timing[1]++;
                }
                crossReference.add(text);
            });
        } finally {
            // the count's connection goes back to the pool whatever happened here
            awaitQuietly(total);
        }
        Findings findings = crossReference.findings();
        meters.counter(KnownIssueMatching.MATCHES, "analysis", "patterns").increment(crossReference.matchedTickets());

        List<CubeCell> rows = new ArrayList<>();
        long escalated = 0;
        for (Map.Entry<String, long[]> entry : cube.entrySet()) {
            String[] parts = entry.getKey().split("\u0000", 2);
            long[] sums = entry.getValue();
            rows.add(new CubeCell(parts[0], parts[1], sums[0], sums[1], sums[2], sums[3], sums[4]));
            escalated += sums[0];
        }
        execution.setVariable(KNOWLEDGE_GENERATION, snapshot.generation());
        execution.setVariable(PatternVariables.TOP_TEAMS, JsonVariables.json(topTeams(teams)));
        execution.setVariable(PatternVariables.CUBE, JsonVariables.json(rows));
        execution.setVariable(PatternVariables.TOTALS,
                JsonVariables.json(new Totals(count(total), escalated, timing[0], timing[1])));
        execution.setVariable(PatternVariables.UNMAPPED_REASON_CODES, JsonVariables.json(unmapped));
        execution.setVariable(PatternVariables.AGENT_COST_PER_HOUR, cost.agentCostPerHour().doubleValue());
        execution.setVariable(PatternVariables.CURRENCY, cost.currency());
        execution.setVariable(PatternVariables.FINDINGS, JsonVariables.json(findings));
        clusterMembers.keep(execution.getProcessInstanceId(), findings.clusters());
        log.debug("Pull escalated tickets: {} escalated, {} cube cells, {} matched, {} clusters in {} ms", escalated,
                rows.size(), findings.ticketsMatched(), findings.clusters().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Root cause → the team (assignee group) that handled most of its escalations; ties go to the alphabetically
     * first; a cause whose tickets have no team is absent. {@code teams}: "cause\0team" → escalations, sorted.
     */
    static Map<String, String> topTeams(Map<String, Long> teams) {
        Map<String, String> top = new TreeMap<>();
        Map<String, Long> most = new HashMap<>();
        teams.forEach((key, count) -> {
            String[] parts = key.split("\u0000", 2);
            if (count > most.getOrDefault(parts[0], 0L)) {
                most.put(parts[0], count);
                top.put(parts[0], parts[1]);
            }
        });
        return top;
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

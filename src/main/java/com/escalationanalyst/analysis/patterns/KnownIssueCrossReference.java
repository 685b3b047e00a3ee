package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.KnownIssue;
import com.escalationanalyst.knowledge.KnownIssueMatch;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.knowledge.TextTerms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Cross-references the escalated tickets of one run with the known issues, one ticket at a time
 * (the texts are not kept): each ticket matches at most one issue of its product area; a pattern
 * (root cause × product area) matches a documented bug when enough of its tickets match; product-bug
 * tickets that match nothing are clustered by similar wording to find candidate new known issues.
 */
final class KnownIssueCrossReference {

    record IssueTickets(String id, String title, String status, long tickets, String workaround) {
    }

    record PatternMatch(String rootCause, String productArea, long tickets, long matchedTickets, double matchedShare,
                        boolean documentedBug, String topIssueId, String topIssueStatus) {
    }

    record Cluster(String productArea, long tickets, List<String> terms, List<String> exampleTicketIds) {
    }

    /** {@code patterns} holds the root cause × product area pairs with at least one matched ticket. */
    record Findings(Map<String, List<IssueTickets>> knownIssuesByRootCause, List<PatternMatch> patterns,
                    List<IssueTickets> stillEscalating, List<Cluster> clusters, long ticketsRead, long ticketsMatched) {
    }

    static final String NO_AREA = "(none)";
    private static final int BATCH = 1000;
    private static final int MAX_BATCHES_IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final double SIMILARITY = 0.3;
    private static final int MIN_TERMS = 3;
    private static final int MAX_CLUSTERED_PER_AREA = 5000;
    private static final int MAX_CLUSTERS_PER_AREA = 500;
    /** The largest clusters are reported; the findings stay small whatever the ticket count. */
    private static final int MAX_REPORTED_CLUSTERS = 10;

    private final KnowledgeSnapshot knowledge;
    private final double documentedBugShare;
    private final int clusterMinSize;

    /** rootCause → productArea → issue id → tickets. */
    private final Map<String, Map<String, Map<String, Long>>> matches = new TreeMap<>();
    private final Map<String, Map<String, Long>> ticketsPerPattern = new TreeMap<>();
    private final Map<String, KnownIssue> issues = new HashMap<>();
    private final Map<String, List<ClusterBuilder>> clusters = new TreeMap<>();
    private final Map<String, Integer> clusteredPerArea = new HashMap<>();
    private List<EscalatedText> pending = new ArrayList<>(BATCH);
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);
    private long read;
    private long matched;

    KnownIssueCrossReference(KnowledgeSnapshot knowledge, double documentedBugShare, int clusterMinSize) {
        this.knowledge = knowledge;
        this.documentedBugShare = documentedBugShare;
        this.clusterMinSize = clusterMinSize;
    }

    /** What one ticket yields, worked out independently of the others (so on several cores at once). */
    private record Examined(RootCause cause, String area, Optional<KnownIssueMatch> match, Set<String> clusterTerms) {
    }

    void accept(EscalatedText ticket) {
        record(ticket, examine(ticket));
    }

    /** Every escalated ticket of the filter, read in one pass and matched a batch at a time on all cores. */
    void readAll(PatternQueries queries, TicketFilter filter) {
        queries.streamEscalatedTickets(filter, ticket -> add(ticket.text()));
        flush();
    }

    /**
     * One ticket of a stream. Tickets are matched a batch at a time on other threads while the stream goes
     * on, and counted and clustered in stream order, so the findings are those of one ticket at a time;
     * {@link #findings} waits for the last batch. At most a few batches are in flight, so memory stays flat.
     */
    void add(EscalatedText ticket) {
        pending.add(ticket);
        if (pending.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<EscalatedText> batch = pending;
        pending = new ArrayList<>(BATCH);
        while (inFlight.size() >= MAX_BATCHES_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        CompletableFuture<List<Examined>> examined = CompletableFuture.supplyAsync(
                () -> batch.stream().map(this::examine).toList());
        // each batch is recorded after the one before it, whichever thread finishes first
        recorded = recorded.thenCombine(examined, (done, results) -> {
            for (int i = 0; i < batch.size(); i++) {
                record(batch.get(i), results.get(i));
            }
            return null;
        });
        inFlight.addLast(recorded);
    }

    private static void await(CompletableFuture<?> stage) {
        try {
            stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private Examined examine(EscalatedText ticket) {
        RootCause cause = knowledge.reasonCodes().rootCauseOf(ticket.reasonCode());
        String area = ticket.productArea() == null ? NO_AREA : ticket.productArea();
        Optional<KnownIssueMatch> match = knowledge.findKnownIssue(join(ticket.subject(), ticket.notes()),
                ticket.productArea());
        Set<String> clusterTerms = match.isEmpty() && cause == RootCause.PRODUCT_BUG && ticket.notes() != null
                ? TextTerms.of(ticket.notes()) : null;
        return new Examined(cause, area, match, clusterTerms);
    }

    private void record(EscalatedText ticket, Examined examined) {
        read++;
        String cause = examined.cause().code();
        ticketsPerPattern.computeIfAbsent(cause, c -> new TreeMap<>()).merge(examined.area(), 1L, Long::sum);
        if (examined.match().isPresent()) {
            matched++;
            KnownIssue issue = examined.match().get().issue();
            issues.put(issue.id(), issue);
            matches.computeIfAbsent(cause, c -> new TreeMap<>()).computeIfAbsent(examined.area(), a -> new TreeMap<>())
                    .merge(issue.id(), 1L, Long::sum);
        } else if (examined.clusterTerms() != null) {
            cluster(examined.area(), ticket.ticketId(), examined.clusterTerms());
        }
    }

    Findings findings() {
        flush();
        await(recorded);
        inFlight.clear();
        Map<String, List<IssueTickets>> byRootCause = new TreeMap<>();
        Map<String, Long> stillEscalating = new TreeMap<>();
        List<PatternMatch> patterns = new ArrayList<>();
        ticketsPerPattern.forEach((cause, areas) -> {
            Map<String, Long> perIssue = new HashMap<>();
            areas.forEach((area, tickets) -> {
                Map<String, Long> areaMatches = matches.getOrDefault(cause, Map.of()).getOrDefault(area, Map.of());
                long matchedTickets = areaMatches.values().stream().mapToLong(Long::longValue).sum();
                areaMatches.forEach((id, n) -> perIssue.merge(id, n, Long::sum));
                // the issue with most tickets; ties go to the smallest id
                Optional<Map.Entry<String, Long>> top = areaMatches.entrySet().stream()
                        .min(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                                .thenComparing(Map.Entry::getKey));
                if (matchedTickets == 0) {
                    return; // a pattern without matches adds nothing to the cube
                }
                double share = (double) matchedTickets / tickets;
                patterns.add(new PatternMatch(cause, area, tickets, matchedTickets, share,
                        matchedTickets > 0 && share >= documentedBugShare,
                        top.map(Map.Entry::getKey).orElse(null),
                        top.map(e -> issues.get(e.getKey()).status()).orElse(null)));
            });
            List<IssueTickets> list = perIssue.entrySet().stream()
                    .map(e -> issueTickets(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(IssueTickets::tickets).reversed().thenComparing(IssueTickets::id))
                    .toList();
            if (!list.isEmpty()) {
                byRootCause.put(cause, list);
            }
            perIssue.forEach((id, n) -> {
                if (issues.get(id).hasWorkaround()) {
                    stillEscalating.merge(id, n, Long::sum);
                }
            });
        });
        List<IssueTickets> escalatingDespiteWorkaround = stillEscalating.entrySet().stream()
                .map(e -> issueTickets(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(IssueTickets::tickets).reversed().thenComparing(IssueTickets::id))
                .toList();
        // a cluster is described by its distinctive words: frequent in it, rare in the other clusters
        Map<String, Integer> clustersWithTerm = new HashMap<>();
        clusters.values().forEach(builders -> builders.stream().filter(b -> b.tickets >= clusterMinSize)
                .forEach(b -> b.termCounts.keySet().forEach(t -> clustersWithTerm.merge(t, 1, Integer::sum))));
        List<Cluster> recurring = new ArrayList<>();
        clusters.forEach((area, builders) -> builders.stream()
                .filter(b -> b.tickets >= clusterMinSize)
                .forEach(b -> recurring.add(b.build(area, clustersWithTerm))));
        recurring.sort(Comparator.comparingLong(Cluster::tickets).reversed().thenComparing(Cluster::productArea));
        return new Findings(byRootCause, patterns, escalatingDespiteWorkaround,
                List.copyOf(recurring.subList(0, Math.min(MAX_REPORTED_CLUSTERS, recurring.size()))), read, matched);
    }

    private IssueTickets issueTickets(String id, long tickets) {
        KnownIssue issue = issues.get(id);
        return new IssueTickets(id, issue.title(), issue.status(), tickets, issue.workaround());
    }

    private void cluster(String area, String ticketId, Set<String> terms) {
        if (terms.size() < MIN_TERMS || clusteredPerArea.merge(area, 1, Integer::sum) > MAX_CLUSTERED_PER_AREA) {
            return;
        }
        List<ClusterBuilder> builders = clusters.computeIfAbsent(area, a -> new ArrayList<>());
        for (ClusterBuilder builder : builders) {
            if (jaccard(builder.representative, terms) >= SIMILARITY) {
                builder.add(ticketId, terms);
                return;
            }
        }
        if (builders.size() < MAX_CLUSTERS_PER_AREA) {
            ClusterBuilder builder = new ClusterBuilder(terms);
            builder.add(ticketId, terms);
            builders.add(builder);
        }
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private static String join(String subject, String notes) {
        return (subject == null ? "" : subject) + "\n" + (notes == null ? "" : notes);
    }

    private static final class ClusterBuilder {
        private final Set<String> representative;
        private final Map<String, Integer> termCounts = new LinkedHashMap<>();
        private final List<String> examples = new ArrayList<>();
        private long tickets;

        ClusterBuilder(Set<String> representative) {
            this.representative = representative;
        }

        void add(String ticketId, Set<String> terms) {
            tickets++;
            terms.forEach(t -> termCounts.merge(t, 1, Integer::sum));
            if (examples.size() < 5) {
                examples.add(ticketId);
            }
        }

        Cluster build(String area, Map<String, Integer> clustersWithTerm) {
            List<String> top = termCounts.entrySet().stream()
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
                                    -(double) e.getValue() / clustersWithTerm.getOrDefault(e.getKey(), 1))
                            .thenComparing(Map.Entry::getKey))
                    .limit(6).map(Map.Entry::getKey).toList();
            return new Cluster(area, tickets, top, List.copyOf(examples));
        }
    }
}

package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.EscalationCube;
import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.KnownIssue;
import com.escalationanalyst.knowledge.KnownIssueMatch;
import com.escalationanalyst.knowledge.MatchStore;
import com.escalationanalyst.knowledge.RootCause;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.knowledge.VectorStore;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Cross-references the escalated tickets of one run with the known issues, one ticket at a time
 * (the texts are not kept): each ticket matches at most one known issue; a pattern (root cause × product
 * area) matches a documented bug when enough of its tickets match; product-bug tickets that match nothing
 * are clustered by meaning (cosine of their sentence embeddings to each cluster's centroid) to find
 * candidate new known issues, each labelled with the subject of its most central ticket and the phrases
 * that set it apart.
 */
final class KnownIssueCrossReference {

    record IssueTickets(String id, String title, String status, long tickets, String workaround) {
    }

    record PatternMatch(String rootCause, String productArea, long tickets, long matchedTickets, double matchedShare,
                        boolean documentedBug, String topIssueId, String topIssueStatus) {
    }

    /**
     * A candidate new known issue: its label (the subject of the ticket nearest its centre), the word phrases
     * frequent in it and rare in the other clusters, and its ticket ids (the first {@value #MAX_CLUSTER_IDS});
     * {@code members} are all of them, kept with the run for its drill-down and never in a process variable.
     */
    record Cluster(String productArea, long tickets, String label, List<String> phrases, List<String> ticketIds,
                   @JsonIgnore List<String> members) {
    }

    /**
     * A known issue with a documented workaround whose tickets still escalated: escalations the front line could
     * have avoided by applying the workaround (a training or documentation gap), and the finding in words.
     */
    record StillEscalating(String id, String title, String status, long avoidableEscalations, String workaround,
                           String finding) {
    }

    /**
     * {@code patterns} holds the root cause × product area pairs with at least one matched ticket;
     * {@code embeddingsComputed} the texts this run had to embed (neither remembered nor stored);
     * {@code decisionsMade} the texts it had to match (no decision stored for this knowledge).
     */
    record Findings(Map<String, List<IssueTickets>> knownIssuesByRootCause, List<PatternMatch> patterns,
                    List<StillEscalating> stillEscalating, List<Cluster> clusters, long ticketsRead, long ticketsMatched,
                    long embeddingsComputed, long decisionsMade) {
    }

    static final String NO_AREA = EscalationCube.NO_AREA;
    static final int BATCH = 1000;
    static final int MAX_BATCHES_IN_FLIGHT = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Cosine to a cluster's centroid from which a note joins it (all-MiniLM-L6-v2: paraphrases score above 0.7). */
    private static final double SIMILARITY = 0.7;
    private static final int MIN_WORDS = 3;
    static final int MAX_CLUSTER_IDS = 20;
    private static final int LABEL_CANDIDATES = 20;
    static final int MAX_CLUSTERED_PER_AREA = 5000;
    private static final int MAX_CLUSTERS_PER_AREA = 500;
    /** The largest clusters are reported; the findings stay small whatever the ticket count. */
    private static final int MAX_REPORTED_CLUSTERS = 10;

    private final KnowledgeSnapshot knowledge;
    private final VectorStore vectors;
    private final MatchStore decisions;
    private final double documentedBugShare;
    private final int clusterMinSize;

    /** rootCause → productArea → issue id → tickets. */
    private final Map<String, Map<String, Map<String, Long>>> matches = new TreeMap<>();
    private final Map<String, Map<String, Long>> ticketsPerPattern = new TreeMap<>();
    private final Map<String, KnownIssue> issues = new HashMap<>();
    private final Map<String, AreaClusters> clusters = new TreeMap<>();
    /** Written in stream order by the recording thread, read by the batches examined ahead of it. */
    private final Map<String, Integer> clusteredPerArea = new ConcurrentHashMap<>();
    private List<EscalatedText> pending = new ArrayList<>(BATCH);
    private final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    private CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);
    private long read;
    private long matched;
    private final AtomicLong embeddingsComputed = new AtomicLong();
    private final AtomicLong decisionsMade = new AtomicLong();
    private BiConsumer<String, String> matchListener = (ticketId, issueId) -> { };

    KnownIssueCrossReference(KnowledgeSnapshot knowledge, double documentedBugShare, int clusterMinSize) {
        this(knowledge, documentedBugShare, clusterMinSize, VectorStore.NONE, MatchStore.NONE);
    }

    /**
     * With {@code vectors}, a batch's embeddings are read from there, and those computed are kept there; with
     * {@code decisions}, the same for its known-issue decisions (a text decided before with the same knowledge is
     * not matched again, and needs its embedding only if it may join a cluster).
     */
    KnownIssueCrossReference(KnowledgeSnapshot knowledge, double documentedBugShare, int clusterMinSize,
                             VectorStore vectors, MatchStore decisions) {
        this.vectors = vectors;
        this.decisions = decisions;
        this.knowledge = knowledge;
        this.documentedBugShare = documentedBugShare;
        this.clusterMinSize = clusterMinSize;
    }

    /** What one ticket yields, worked out independently of the others (so on several cores at once). */
    private record Examined(RootCause cause, String area, Optional<KnownIssueMatch> match, ClusterInput cluster) {
    }

    /** What clustering keeps of an unmatched product-bug ticket: its vector, subject and phrases (not its notes). */
    private record ClusterInput(float[] vector, String subject, Set<String> phrases) {
    }

    /** How many tickets read so far matched a known issue. */
    long matchedTickets() {
        return matched;
    }

    /** Told each matched ticket and its known issue, in stream order (for the tickets behind an issue's count). */
    void onMatch(BiConsumer<String, String> listener) {
        this.matchListener = listener;
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
        CompletableFuture<List<Examined>> examined = CompletableFuture.supplyAsync(() -> examineAll(batch));
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

    /**
     * A batch: the stored decisions read in one go; embeddings made ready for the texts still to be decided and
     * for those that may join a cluster; the rest decided, and their decisions stored.
     */
    private List<Examined> examineAll(List<EscalatedText> batch) {
        // areas whose clustering is full: every batch before this one is recorded or being recorded, so a count
        // read here is at most what precedes this batch, and a full area stays full; its notes need no vector
        Set<String> full = new HashSet<>();
        clusteredPerArea.forEach((area, notes) -> {
            if (notes >= MAX_CLUSTERED_PER_AREA) {
                full.add(area);
            }
        });
        List<String> keys = new ArrayList<>(batch.size());
        for (EscalatedText ticket : batch) {
            keys.add(knowledge.matchKey(ticket.matchText(), ticket.productArea()));
        }
        Map<String, String> stored = decisions.find(keys);
        List<String> toEmbed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String decided = stored.get(keys.get(i));
            EscalatedText ticket = batch.get(i);
            if (decided == null || decided.isEmpty() && ticket.notes() != null && !full.contains(areaOf(ticket))
                    && knowledge.reasonCodes().rootCauseOf(ticket.reasonCode()) == RootCause.PRODUCT_BUG) {
                toEmbed.add(ticket.matchText());
            }
        }
        embeddingsComputed.addAndGet(SentenceEmbeddings.shared().prepare(toEmbed, vectors));
        Map<String, String> made = new HashMap<>();
        List<Examined> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            EscalatedText ticket = batch.get(i);
            String decided = stored.get(keys.get(i));
            Optional<KnownIssueMatch> match;
            Optional<KnownIssue> storedIssue = decided == null || decided.isEmpty() ? Optional.empty()
                    : knowledge.knownIssue(decided);
            if (decided == null || !decided.isEmpty() && storedIssue.isEmpty()) {
                match = knowledge.findKnownIssue(ticket.matchText(), ticket.productArea());
                made.put(keys.get(i), match.map(m -> m.issue().id()).orElse(""));
            } else {
                match = storedIssue.map(issue -> new KnownIssueMatch(issue, Double.NaN, false));
            }
            results.add(examine(ticket, match, !full.contains(areaOf(ticket))));
        }
        decisions.save(knowledge.fingerprint(), made);
        decisionsMade.addAndGet(made.size());
        return results;
    }

    private Examined examine(EscalatedText ticket) {
        return examine(ticket, knowledge.findKnownIssue(ticket.matchText(), ticket.productArea()), true);
    }

    private static String areaOf(EscalatedText ticket) {
        return ticket.productArea() == null ? NO_AREA : ticket.productArea();
    }

    /** {@code mayCluster}: false when the ticket's area has no room left for notes, so none is prepared. */
    private Examined examine(EscalatedText ticket, Optional<KnownIssueMatch> match, boolean mayCluster) {
        RootCause cause = knowledge.reasonCodes().rootCauseOf(ticket.reasonCode());
        String area = areaOf(ticket);
        String text = ticket.matchText();
        ClusterInput cluster = null;
        if (mayCluster && match.isEmpty() && cause == RootCause.PRODUCT_BUG && ticket.notes() != null) {
            Set<String> phrases = Phrases.of(ticket.notes());
            if (Phrases.words(phrases) >= MIN_WORDS) {
                // the matcher embedded the same text a moment ago: this is a cache hit, not a second inference
                cluster = new ClusterInput(SentenceEmbeddings.shared().embed(text), ticket.subject(), phrases);
            }
        }
        return new Examined(cause, area, match, cluster);
    }

    private void record(EscalatedText ticket, Examined examined) {
        read++;
        String cause = examined.cause().code();
        ticketsPerPattern.computeIfAbsent(cause, c -> new TreeMap<>()).merge(examined.area(), 1L, Long::sum);
        if (examined.match().isPresent()) {
            matched++;
            KnownIssue issue = examined.match().get().issue();
            issues.put(issue.id(), issue);
            matchListener.accept(ticket.ticketId(), issue.id());
            matches.computeIfAbsent(cause, c -> new TreeMap<>()).computeIfAbsent(examined.area(), a -> new TreeMap<>())
                    .merge(issue.id(), 1L, Long::sum);
        } else if (examined.cluster() != null) {
            cluster(examined.area(), ticket.ticketId(), examined.cluster());
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
        List<StillEscalating> escalatingDespiteWorkaround = stillEscalating.entrySet().stream()
                .map(e -> stillEscalating(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(StillEscalating::avoidableEscalations).reversed()
                        .thenComparing(StillEscalating::id))
                .toList();
        // a cluster is described by its distinctive phrases: frequent in it, rare in the other clusters
        Map<String, Integer> clustersWithTerm = new HashMap<>();
        clusters.values().forEach(area -> area.builders.stream().filter(b -> b.tickets >= clusterMinSize)
                .forEach(b -> b.phraseCounts.keySet().forEach(t -> clustersWithTerm.merge(t, 1, Integer::sum))));
        List<Cluster> recurring = new ArrayList<>();
        clusters.forEach((area, areaClusters) -> areaClusters.builders.stream()
                .filter(b -> b.tickets >= clusterMinSize)
                .forEach(b -> recurring.add(b.build(area, clustersWithTerm))));
        recurring.sort(Comparator.comparingLong(Cluster::tickets).reversed().thenComparing(Cluster::productArea));
        return new Findings(byRootCause, patterns, escalatingDespiteWorkaround,
                List.copyOf(recurring.subList(0, Math.min(MAX_REPORTED_CLUSTERS, recurring.size()))), read, matched,
                embeddingsComputed.get(), decisionsMade.get());
    }

    private StillEscalating stillEscalating(String id, long tickets) {
        KnownIssue issue = issues.get(id);
        String finding = tickets + (tickets == 1 ? " escalation matched " : " escalations matched ") + id
                + " although its documented workaround (\"" + issue.workaround().strip() + "\") could have resolved "
                + (tickets == 1 ? "it" : "them") + " at the front line: a training or documentation gap.";
        return new StillEscalating(id, issue.title(), issue.status(), tickets, issue.workaround(), finding);
    }

    private IssueTickets issueTickets(String id, long tickets) {
        KnownIssue issue = issues.get(id);
        return new IssueTickets(id, issue.title(), issue.status(), tickets, issue.workaround());
    }

    /** Joins the most similar cluster of the area if close enough, else starts one (in stream order: deterministic). */
    private void cluster(String area, String ticketId, ClusterInput input) {
        if (clusteredPerArea.merge(area, 1, Integer::sum) > MAX_CLUSTERED_PER_AREA) {
            return;
        }
        AreaClusters areaClusters = clusters.computeIfAbsent(area, a -> new AreaClusters(input.vector().length));
        int nearest = areaClusters.nearest(input.vector(), SIMILARITY);
        if (nearest < 0 && areaClusters.builders.size() < MAX_CLUSTERS_PER_AREA) {
            nearest = areaClusters.add(new ClusterBuilder(input.vector().length));
        }
        if (nearest >= 0) {
            areaClusters.builders.get(nearest).add(ticketId, input);
            areaClusters.update(nearest);
        }
    }

    /**
     * An area's clusters, with their centroids' directions side by side, dimension-major
     * ({@code directions[d * capacity + c]}): a note's cosines with all of them are one pass over its vector whose
     * inner loop the JIT turns into vector instructions.
     */
    private static final class AreaClusters {
        private final List<ClusterBuilder> builders = new ArrayList<>();
        private final int dimensions;
        private int capacity = 16;
        private float[] directions;

        AreaClusters(int dimensions) {
            this.dimensions = dimensions;
            this.directions = new float[dimensions * capacity];
        }

        /** The cluster with the highest cosine at or above {@code threshold} (ties: the later one); -1 if none. */
        int nearest(float[] vector, double threshold) {
            int n = builders.size();
            if (n == 0) {
                return -1;
            }
            float[] dots = new float[n];
            for (int d = 0; d < dimensions; d++) {
                float x = vector[d];
                int base = d * capacity;
                for (int c = 0; c < n; c++) {
                    dots[c] += x * directions[base + c];
                }
            }
            int best = -1;
            double bestSimilarity = threshold;
            for (int c = 0; c < n; c++) {
                if (dots[c] >= bestSimilarity) {
                    best = c;
                    bestSimilarity = dots[c];
                }
            }
            return best;
        }

        int add(ClusterBuilder builder) {
            if (builders.size() == capacity) {
                int grown = capacity * 2;
                float[] larger = new float[dimensions * grown];
                for (int d = 0; d < dimensions; d++) {
                    System.arraycopy(directions, d * capacity, larger, d * grown, capacity);
                }
                directions = larger;
                capacity = grown;
            }
            builders.add(builder);
            return builders.size() - 1;
        }

        /** Copies a cluster's direction after it changed. */
        void update(int c) {
            float[] direction = builders.get(c).direction;
            for (int d = 0; d < dimensions; d++) {
                directions[d * capacity + c] = direction[d];
            }
        }
    }

    private static final class ClusterBuilder {
        private final double[] sum;
        private final float[] direction;
        private final Map<String, Integer> phraseCounts = new LinkedHashMap<>();
        private final List<String> ticketIds = new ArrayList<>();
        /** Every member: at most MAX_CLUSTERED_PER_AREA in an area, whatever the period's size. */
        private final List<String> members = new ArrayList<>();
        private final List<ClusterInput> labelCandidates = new ArrayList<>();
        private long tickets;

        ClusterBuilder(int dimensions) {
            this.sum = new double[dimensions];
            this.direction = new float[dimensions];
        }

        /** Cosine of a unit vector with the centroid (the mean of the members' unit vectors). */
        double similarity(float[] vector) {
            return SentenceEmbeddings.cosine(direction, vector);
        }

        void add(String ticketId, ClusterInput input) {
            tickets++;
            double norm = 0;
            for (int i = 0; i < sum.length; i++) {
                sum[i] += input.vector()[i];
                norm += sum[i] * sum[i];
            }
            // the centroid's direction, kept as a unit vector: a similarity is then one dot product
            double length = Math.sqrt(norm);
            for (int i = 0; i < sum.length; i++) {
                direction[i] = length == 0 ? 0 : (float) (sum[i] / length);
            }
            input.phrases().forEach(t -> phraseCounts.merge(t, 1, Integer::sum));
            if (ticketIds.size() < MAX_CLUSTER_IDS) {
                ticketIds.add(ticketId);
            }
            members.add(ticketId);
            if (labelCandidates.size() < LABEL_CANDIDATES && input.subject() != null && !input.subject().isBlank()) {
                // its phrases are counted above: a candidate keeps only what the label needs
                labelCandidates.add(new ClusterInput(input.vector(), input.subject(), Set.of()));
            }
        }

        Cluster build(String area, Map<String, Integer> clustersWithTerm) {
            // phrases of two words are preferred to single words when they are as frequent in the cluster
            List<String> phrases = phraseCounts.entrySet().stream()
                    .filter(e -> e.getValue() * 2 >= Math.min(tickets, 2))
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
                                    -(double) e.getValue() * (e.getKey().contains(" ") ? 1.5 : 1)
                                            / clustersWithTerm.getOrDefault(e.getKey(), 1))
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey)
                    .filter(new Phrases.NotInAnEarlierOne())
                    .limit(5).toList();
            String label = labelCandidates.stream()
                    .max(Comparator.comparingDouble((ClusterInput c) -> similarity(c.vector())))
                    .map(ClusterInput::subject).orElse(String.join(", ", phrases));
            return new Cluster(area, tickets, label, phrases, List.copyOf(ticketIds), List.copyOf(members));
        }
    }
}

package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.config.EscalationSettings;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.NoteMatchStore;
import com.escalationanalyst.helpdesk.TicketsChanged;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After an import or a sync committed, the escalated tickets' texts that have no embedding yet get one, and
 * those without a known-issue decision for the current knowledge get one, in the
 * background (after a sync page: only its tickets' texts; after a file import: every escalated ticket's), a bounded batch at a time on all cores ({@link SentenceEmbeddings#prepare}), so an analysis
 * finds them stored and computes only what is still missing. Runs of it never overlap: changes arriving while
 * one runs start one more afterwards.
 */
@Component
public class NoteEmbeddingBackfill {

    private static final Logger log = LoggerFactory.getLogger(NoteEmbeddingBackfill.class);
    private static final int BATCH = 1000;
    /** More changed tickets than this are looked at all together, as after a file import. */
    private static final int MAX_PENDING_IDS = 100_000;

    private final PatternQueries queries;
    private final NoteEmbeddingStore store;
    private final NoteMatchStore decisions;
    private final KnowledgeService knowledge;
    /** The knowledge whose decisions are the only ones stored (older ones were removed). */
    private String cleanedFor;
    private final boolean enabled;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "note-embeddings");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Tickets changed since the last run (a sync's pages), unless {@link #everything} (a file import) is due. */
    private final Set<String> pending = new HashSet<>();
    private boolean everything;

    NoteEmbeddingBackfill(PatternQueries queries, NoteEmbeddingStore store, NoteMatchStore decisions,
                          KnowledgeService knowledge, EscalationSettings escalation) {
        this.decisions = decisions;
        this.knowledge = knowledge;
        this.queries = queries;
        this.store = store;
        this.enabled = escalation.embeddings().backfill();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ticketsChanged(TicketsChanged change) {
        if (!enabled) {
            return;
        }
        synchronized (pending) {
            if (change.ticketIds().isEmpty() || pending.size() + change.ticketIds().size() > MAX_PENDING_IDS) {
                everything = true;
                pending.clear();
            } else if (!everything) {
                pending.addAll(change.ticketIds());
            }
        }
        if (queued.compareAndSet(false, true)) {
            worker.submit(this::run);
        }
    }

    /** Waits until no run is queued or running (for tests and the benchmark). */
    public boolean awaitIdle(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (worker.submit(() -> !queued.get()).get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void run() {
        queued.set(false);
        boolean all;
        List<String> ids;
        synchronized (pending) {
            all = everything;
            ids = List.copyOf(pending);
            everything = false;
            pending.clear();
        }
        long started = System.nanoTime();
        long[] counts = new long[3]; // texts read, embeddings computed, decisions made
        List<EscalatedText> batch = new ArrayList<>(BATCH);
        try {
            KnowledgeSnapshot snapshot = knowledge.current();
            if (!snapshot.fingerprint().equals(cleanedFor)) {
                decisions.forgetAllBut(snapshot.fingerprint());
                cleanedFor = snapshot.fingerprint();
            }
            java.util.function.Consumer<EscalatedText> each = text -> {
                batch.add(text);
                counts[0]++;
                if (batch.size() == BATCH) {
                    prepare(batch, snapshot, counts);
                    batch.clear();
                }
            };
            if (all) {
                queries.streamEscalatedTexts(each);
            } else {
                queries.streamEscalatedTexts(ids, each);
            }
            prepare(batch, snapshot, counts);
            log.info("Embeddings of escalated tickets' texts: {} read, {} computed, {} known-issue decisions made in {} ms",
                    counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // analyses compute what is missing themselves; the next import or sync tries again
            log.warn("Embeddings of escalated tickets' texts stopped after {} read: {}", counts[0], e.toString());
        }
    }

    /** A batch's embeddings, then the known-issue decisions not stored yet for the current knowledge. */
    private void prepare(List<EscalatedText> batch, KnowledgeSnapshot snapshot, long[] counts) {
        counts[1] += SentenceEmbeddings.shared().prepare(batch.stream().map(EscalatedText::matchText).toList(), store);
        Map<String, EscalatedText> byKey = new LinkedHashMap<>();
        batch.forEach(text -> byKey.putIfAbsent(snapshot.matchKey(text.matchText(), text.productArea()), text));
        byKey.keySet().removeAll(decisions.find(byKey.keySet()).keySet());
        Map<String, String> made = new HashMap<>();
        byKey.forEach((key, text) -> made.put(key, snapshot.findKnownIssue(text.matchText(), text.productArea())
                .map(m -> m.issue().id()).orElse("")));
        decisions.save(snapshot.fingerprint(), made);
        counts[2] += made.size();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

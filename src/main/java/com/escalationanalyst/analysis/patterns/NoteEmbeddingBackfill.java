package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.helpdesk.TicketsChanged;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After an import or a sync committed, the escalated tickets' texts that have no embedding yet get one, in the
 * background, a bounded batch at a time on all cores ({@link SentenceEmbeddings#prepare}), so an analysis
 * finds them stored and computes only what is still missing. Runs of it never overlap: changes arriving while
 * one runs start one more afterwards.
 */
@Component
public class NoteEmbeddingBackfill {

    private static final Logger log = LoggerFactory.getLogger(NoteEmbeddingBackfill.class);
    private static final int BATCH = 1000;

    private final PatternQueries queries;
    private final NoteEmbeddingStore store;
    private final boolean enabled;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "note-embeddings");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    NoteEmbeddingBackfill(PatternQueries queries, NoteEmbeddingStore store,
                          @Value("${escalation.embeddings.backfill:true}") boolean enabled) {
        this.queries = queries;
        this.store = store;
        this.enabled = enabled;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void ticketsChanged(TicketsChanged change) {
        if (enabled && queued.compareAndSet(false, true)) {
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
        long started = System.nanoTime();
        long[] counts = new long[2]; // texts read, computed
        List<String> batch = new ArrayList<>(BATCH);
        try {
            queries.streamEscalatedTexts((EscalatedText text) -> {
                batch.add(text.matchText());
                counts[0]++;
                if (batch.size() == BATCH) {
                    counts[1] += SentenceEmbeddings.shared().prepare(batch, store);
                    batch.clear();
                }
            });
            counts[1] += SentenceEmbeddings.shared().prepare(batch, store);
            log.info("Embeddings of escalated tickets' texts: {} read, {} computed in {} ms", counts[0], counts[1],
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // analyses compute what is missing themselves; the next import or sync tries again
            log.warn("Embeddings of escalated tickets' texts stopped after {} read: {}", counts[0], e.toString());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

package com.escalationanalyst.testsupport;

import com.escalationanalyst.knowledge.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vector store in memory that records the keys it was asked for and given; safe for batches matched on several
 * threads at once.
 */
public final class RecordingVectorStore implements VectorStore {

    public final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    public final List<String> lookedUp = Collections.synchronizedList(new ArrayList<>());
    public final List<String> saved = Collections.synchronizedList(new ArrayList<>());
    /** Saves refused before the store takes them (a lock held by another run). */
    public int refusals;

    @Override
    public synchronized Map<String, float[]> find(Collection<String> keys) {
        lookedUp.addAll(keys);
        Map<String, float[]> found = new HashMap<>();
        keys.forEach(k -> {
            if (vectors.containsKey(k)) {
                found.put(k, vectors.get(k));
            }
        });
        return found;
    }

    @Override
    public synchronized boolean save(Map<String, float[]> batch) {
        if (refusals > 0) {
            refusals--;
            return false;
        }
        saved.addAll(batch.keySet());
        batch.forEach(vectors::putIfAbsent);
        return true;
    }
}

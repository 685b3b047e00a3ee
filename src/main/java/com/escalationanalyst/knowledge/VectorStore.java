package com.escalationanalyst.knowledge;

import java.util.Collection;
import java.util.Map;

/** Where embeddings outlive the JVM, by {@link SentenceEmbeddings#hash} (the helpdesk store keeps them). */
public interface VectorStore {

    /** The stored vectors among these keys. */
    Map<String, float[]> find(Collection<String> keys);

    /**
     * Stores new vectors; a key stored meanwhile by another run or node is left as it is. Returns false when the
     * store could not take them now (they are a cache: whoever needs them later computes them again).
     */
    boolean save(Map<String, float[]> vectors);

    VectorStore NONE = new VectorStore() {
        @Override
        public Map<String, float[]> find(Collection<String> keys) {
            return Map.of();
        }

        @Override
        public boolean save(Map<String, float[]> vectors) {
            return true;
        }
    };
}

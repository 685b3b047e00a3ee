package com.escalationanalyst.knowledge;

import java.util.Collection;
import java.util.Map;

/**
 * Where known-issue decisions outlive one analysis, by {@link KnowledgeSnapshot#matchKey}: a ticket's text is
 * matched once per version of the knowledge, like its embedding (the helpdesk store keeps them).
 */
public interface MatchStore {

    /** The stored decisions among these keys: the known issue's id, or "" for none. */
    Map<String, String> find(Collection<String> keys);

    /**
     * Stores new decisions (id or ""), made with the knowledge of {@code fingerprint}; decisions the store cannot
     * take now are left out (they are a cache: whoever needs them later decides again).
     */
    void save(String fingerprint, Map<String, String> decisions);

    MatchStore NONE = new MatchStore() {
        @Override
        public Map<String, String> find(Collection<String> keys) {
            return Map.of();
        }

        @Override
        public void save(String fingerprint, Map<String, String> decisions) {
        }
    };
}

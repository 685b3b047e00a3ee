package com.escalationanalyst.helpdesk;

import com.escalationanalyst.knowledge.MatchStore;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.InLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The known-issue decisions of tickets' texts in the helpdesk store (table note_match, migration V7), the most
 * recent {@value #REMEMBERED} also in memory (about 150 bytes each).
 */
@Component
public class NoteMatchStore implements MatchStore {

    private static final int KEYS_PER_QUERY = 1000;
    static final int REMEMBERED = 200_000;

    private final HelpdeskDatabase helpdesk;
    private final Map<String, String> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    NoteMatchStore(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    @Override
    public Map<String, String> find(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        synchronized (recent) {
            for (String key : keys) {
                String decision = recent.get(key);
                if (decision != null) {
                    found.put(key, decision);
                } else {
                    unknown.add(key);
                }
            }
        }
        Map<String, String> read = new HashMap<>();
        for (List<String> chunk : InLists.chunks(unknown, KEYS_PER_QUERY)) {
            helpdesk.jdbc().query("SELECT match_key, issue_id FROM note_match WHERE match_key IN ("
                    + InLists.marks(chunk.size()) + ")", rs -> {
                read.put(rs.getString(1).trim(), rs.getString(2));
            }, chunk.toArray());
        }
        synchronized (recent) {
            recent.putAll(read);
        }
        found.putAll(read);
        return found;
    }

    @Override
    public void save(String fingerprint, Map<String, String> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        String sql = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "INSERT INTO note_match (match_key, knowledge_fingerprint, issue_id) VALUES (?, ?, ?)"
                  + " ON CONFLICT (match_key) DO NOTHING"
                : "MERGE INTO note_match (match_key, knowledge_fingerprint, issue_id) KEY (match_key) VALUES (?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(decisions.size());
        decisions.forEach((key, issue) -> rows.add(new Object[] {key, fingerprint, issue}));
        CacheWrites.tried("known-issue decisions", () -> helpdesk.jdbc().batchUpdate(sql, rows));
        synchronized (recent) {
            recent.putAll(decisions);
        }
    }

    /** Removes the decisions made with another version of the knowledge; returns how many. */
    public int forgetAllBut(String fingerprint) {
        return helpdesk.jdbc().update("DELETE FROM note_match WHERE knowledge_fingerprint <> ?", fingerprint);
    }

    /** Removes these decisions (their tickets are gone). */
    public void delete(Collection<String> keys) {
        synchronized (recent) {
            keys.forEach(recent::remove);
        }
        for (List<String> chunk : InLists.chunks(keys, KEYS_PER_QUERY)) {
            helpdesk.jdbc().update("DELETE FROM note_match WHERE match_key IN (" + InLists.marks(chunk.size()) + ")",
                    chunk.toArray());
        }
    }

    /** Forgets what is remembered in memory (stored decisions stay stored): for tests and the benchmark. */
    public void forgetRecent() {
        synchronized (recent) {
            recent.clear();
        }
    }
}

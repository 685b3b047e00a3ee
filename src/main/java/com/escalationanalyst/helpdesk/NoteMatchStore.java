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
 * recently used {@value #REMEMBERED} also in memory (about 100 bytes each: the key as four longs, the issue id shared):
 * more than a quarter of a 20,000,000-ticket store has distinct escalated texts (304,530 per product area in the
 * benchmark), so that an analysis run again over such a period reads none of them from the database (each 1,000
 * read cost ~50 ms there, and a quarter that did not fit missed them all: a recently-used order evicts each key just
 * before it is wanted).
 */
@Component
public class NoteMatchStore implements MatchStore {

    private static final int KEYS_PER_QUERY = 1000;
    static final int REMEMBERED = 400_000;

    /** A match key, 64 lowercase hex digits (a SHA-256), as its 256 bits. */
    record Key(long first, long second, long third, long fourth) {

        /** The key of {@code hex}; null when it is not 64 lowercase hex digits (such a key is not remembered). */
        static Key of(String hex) {
            if (hex.length() != 64) {
                return null;
            }
            for (int i = 0; i < 64; i++) {
                char c = hex.charAt(i);
                if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                    return null;
                }
            }
            return new Key(Long.parseUnsignedLong(hex, 0, 16, 16), Long.parseUnsignedLong(hex, 16, 32, 16),
                    Long.parseUnsignedLong(hex, 32, 48, 16), Long.parseUnsignedLong(hex, 48, 64, 16));
        }
    }

    private final HelpdeskDatabase helpdesk;
    private final Map<Key, String> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** The issue ids remembered, one string each ("" for no issue): a few dozen, shared by every decision. */
    private final Map<String, String> issueIds = new HashMap<>();

    NoteMatchStore(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    @Override
    public Map<String, String> find(Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        synchronized (recent) {
            for (String key : keys) {
                Key remembered = Key.of(key);
                String decision = remembered == null ? null : recent.get(remembered);
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
            remember(read);
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
            remember(decisions);
        }
    }

    /** Call holding the lock on {@code recent}. */
    private void remember(Map<String, String> decisions) {
        decisions.forEach((key, issue) -> {
            Key remembered = Key.of(key);
            if (remembered != null) {
                recent.put(remembered, issueIds.computeIfAbsent(issue, id -> id));
            }
        });
    }

    /** Removes the decisions made with another version of the knowledge; returns how many. */
    public int forgetAllBut(String fingerprint) {
        return helpdesk.jdbc().update("DELETE FROM note_match WHERE knowledge_fingerprint <> ?", fingerprint);
    }

    /** Removes these decisions (their tickets are gone). */
    public void delete(Collection<String> keys) {
        synchronized (recent) {
            keys.forEach(key -> {
                Key remembered = Key.of(key);
                if (remembered != null) {
                    recent.remove(remembered);
                }
            });
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

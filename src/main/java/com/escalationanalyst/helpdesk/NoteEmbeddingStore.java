package com.escalationanalyst.helpdesk;

import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.knowledge.VectorStore;
import com.escalationanalyst.store.Dialect;
import com.escalationanalyst.store.InLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The tickets' text embeddings in the helpdesk store (table note_embedding, migration V5). */
@Component
public class NoteEmbeddingStore implements VectorStore {

    private static final int KEYS_PER_QUERY = 500;

    private final HelpdeskDatabase helpdesk;

    NoteEmbeddingStore(HelpdeskDatabase helpdesk) {
        this.helpdesk = helpdesk;
    }

    @Override
    public Map<String, float[]> find(Collection<String> keys) {
        Map<String, float[]> found = new HashMap<>();
        for (List<String> chunk : InLists.chunks(keys, KEYS_PER_QUERY)) {
            helpdesk.jdbc().query("SELECT text_hash, vector FROM note_embedding WHERE model = ? AND text_hash IN ("
                            + InLists.marks(chunk.size()) + ")",
                    rs -> {
                        found.put(rs.getString(1).trim(), SentenceEmbeddings.fromBytes(rs.getBytes(2)));
                    }, concat(SentenceEmbeddings.MODEL, chunk));
        }
        return found;
    }

    @Override
    public boolean save(Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return true;
        }
        String sql = helpdesk.dialect() == Dialect.POSTGRESQL
                ? "INSERT INTO note_embedding (text_hash, model, vector) VALUES (?, ?, ?) ON CONFLICT (text_hash) DO NOTHING"
                : "MERGE INTO note_embedding (text_hash, model, vector) KEY (text_hash) VALUES (?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(vectors.size());
        vectors.forEach((key, vector) -> rows.add(new Object[] {key, SentenceEmbeddings.MODEL, SentenceEmbeddings.toBytes(vector)}));
        return CacheWrites.tried("embeddings", () -> helpdesk.jdbc().batchUpdate(sql, rows));
    }

    /** Removes the embeddings of these texts (by {@link SentenceEmbeddings#hash}): their tickets are gone. */
    public void delete(Collection<String> keys) {
        SentenceEmbeddings.shared().forget(keys);
        for (List<String> chunk : InLists.chunks(keys, KEYS_PER_QUERY)) {
            helpdesk.jdbc().update("DELETE FROM note_embedding WHERE text_hash IN (" + InLists.marks(chunk.size()) + ")",
                    chunk.toArray());
        }
    }

    /** How many texts have a stored embedding. */
    public long count() {
        Long count = helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM note_embedding", Long.class);
        return count == null ? 0 : count;
    }

    private static Object[] concat(String first, List<String> rest) {
        Object[] args = new Object[rest.size() + 1];
        args[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            args[i + 1] = rest.get(i);
        }
        return args;
    }
}

package com.escalationanalyst.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sentence embeddings computed in this JVM: all-MiniLM-L6-v2 (quantised), shipped inside the application's jar
 * and run on ONNX Runtime; nothing is downloaded. Chosen by measurement on the tuning half of
 * fixtures/known-issue-heldout.csv: the full-precision model ranked and separated the notes no better, and
 * e5-small-v2 (the other in-process model on Maven Central) separated them worse (README, "Known-issue matching").
 *
 * <p>One model per JVM, loaded on first use (about half a second); vectors are unit length, so a dot product is
 * the cosine. Recent texts are kept by their SHA-256, so a note seen again costs a hash, not an inference.
 */
public final class SentenceEmbeddings {

    /** Recorded with every stored vector: a different model's vectors are not comparable. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final int CACHED_TEXTS = 20_000;
    private static final String EMPTY = "(empty)";
    private static final SentenceEmbeddings SHARED = new SentenceEmbeddings();

    private volatile EmbeddingModel model;
    private final AtomicLong inferences = new AtomicLong();
    private final Map<String, float[]> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    private SentenceEmbeddings() {
    }

    public static SentenceEmbeddings shared() {
        return SHARED;
    }

    /** Loads the model now (at start-up, so the first analysis does not wait for it). */
    public void warm() {
        model();
    }

    /**
     * Makes the embeddings of these texts ready in memory and stored: those in the store are read in one query,
     * those remembered here but not stored yet are stored, the rest are computed on all cores and stored.
     * Returns how many were computed.
     */
    public int prepare(List<String> texts, VectorStore store) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                wanted.putIfAbsent(hash(text), text);
            }
        }
        if (wanted.isEmpty()) {
            return 0;
        }
        Map<String, float[]> stored = store.find(wanted.keySet());
        Map<String, float[]> unstored = new HashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        synchronized (recent) {
            recent.putAll(stored);
            wanted.forEach((key, text) -> {
                if (!stored.containsKey(key)) {
                    float[] known = recent.get(key);
                    if (known != null) {
                        unstored.put(key, known);
                    } else {
                        missing.put(key, text);
                    }
                }
            });
        }
        Map<String, float[]> computed = new ConcurrentHashMap<>();
        missing.entrySet().parallelStream().forEach(e -> computed.put(e.getKey(), infer(e.getValue())));
        synchronized (recent) {
            recent.putAll(computed);
        }
        unstored.putAll(computed);
        store.save(unstored);
        return computed.size();
    }

    /** Forgets the texts remembered in memory (stored ones stay stored): for tests and the benchmark. */
    public void forgetRecent() {
        synchronized (recent) {
            recent.clear();
        }
    }

    /** How many texts this JVM has run through the model (for logs and tests). */
    public long inferences() {
        return inferences.get();
    }

    /** The unit-length embedding of a text (a blank one gets the embedding of a fixed placeholder). */
    public float[] embed(String text) {
        String key = hash(text);
        synchronized (recent) {
            float[] known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] vector = infer(text);
        synchronized (recent) {
            recent.put(key, vector);
        }
        return vector;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** SHA-256 of the model and the text: the key of a cached or stored embedding. */
    public static String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(MODEL.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private float[] infer(String text) {
        inferences.incrementAndGet();
        // the model refuses blank input; an empty text is embedded as a fixed word, far from any real note
        return normalise(model().embed(text == null || text.isBlank() ? EMPTY : text).content().vector());
    }

    /** A vector as stored: float32, little-endian. */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[bytes.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = buffer.getFloat();
        }
        return vector;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}

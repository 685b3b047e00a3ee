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
 * e5-small-v2 (the other in-process model on Maven Central) separated them worse (docs/knowledge.md, "Known-issue matching").
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
    /** A remembered vector and the store it is known to be in (null: none yet). */
    private record Remembered(float[] vector, VectorStore storedIn) {
    }

    private final Map<String, Remembered> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
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
     * Makes the embeddings of these texts ready in memory and stored: those remembered here as stored in this
     * store cost nothing, those remembered but not stored yet are stored, those in the store are read in one
     * query, the rest are computed on all cores and stored. Returns how many were computed.
     */
    public int prepare(List<String> texts, VectorStore store) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                wanted.putIfAbsent(hash(text), text);
            }
        }
        Map<String, float[]> unstored = new HashMap<>();
        synchronized (recent) {
            wanted.keySet().removeIf(key -> {
                Remembered known = recent.get(key);
                if (known == null) {
                    return false;
                }
                if (known.storedIn() != store) {
                    unstored.put(key, known.vector());
                }
                return true;
            });
        }
        Map<String, float[]> stored = wanted.isEmpty() ? Map.of() : store.find(wanted.keySet());
        Map<String, String> missing = new LinkedHashMap<>(wanted);
        missing.keySet().removeAll(stored.keySet());
        Map<String, float[]> computed = new ConcurrentHashMap<>();
        missing.entrySet().parallelStream().forEach(e -> computed.put(e.getKey(), infer(e.getValue())));
        unstored.putAll(computed);
        boolean saved = store.save(unstored);
        synchronized (recent) {
            stored.forEach((key, vector) -> recent.put(key, new Remembered(vector, store)));
            // not taken by the store: remembered as not stored, so the next prepare() offers them again
            unstored.forEach((key, vector) -> recent.put(key, new Remembered(vector, saved ? store : null)));
        }
        return computed.size();
    }

    /** Forgets these texts (by {@link #hash}): their stored embeddings were removed. */
    public void forget(java.util.Collection<String> keys) {
        synchronized (recent) {
            keys.forEach(recent::remove);
        }
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
            Remembered known = recent.get(key);
            if (known != null) {
                return known.vector();
            }
        }
        float[] vector = infer(text);
        synchronized (recent) {
            recent.putIfAbsent(key, new Remembered(vector, null));
        }
        return vector;
    }

    /**
     * The dot product of two vectors of the same length (the cosine of unit vectors), in four float lanes so that
     * the loop runs on the processor's vector units; within 1e-6 of the exact value for unit vectors of 384.
     */
    public static double cosine(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (int i = n; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
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
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    // the model reads its file through the thread's context class loader: in the packaged jar a
                    // pool thread's (the system class loader) cannot see it, and the class would stay unusable
                    Thread thread = Thread.currentThread();
                    ClassLoader before = thread.getContextClassLoader();
                    thread.setContextClassLoader(SentenceEmbeddings.class.getClassLoader());
                    try {
                        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    } finally {
                        thread.setContextClassLoader(before);
                    }
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

package com.escalationanalyst.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private static final SentenceEmbeddings SHARED = new SentenceEmbeddings();

    private volatile EmbeddingModel model;
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

    /** The unit-length embedding of a text (an empty text is embedded as such). */
    public float[] embed(String text) {
        String key = hash(text);
        synchronized (recent) {
            float[] known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] vector = normalise(model().embed(text == null || text.isBlank() ? " " : text).content().vector());
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

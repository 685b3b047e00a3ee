package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.RecordingVectorStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link SentenceEmbeddings#prepare} asks of a store: each text looked up, computed and stored at most once. */
class SentenceEmbeddingsTest {

    @Test
    void aTextIsComputedAndStoredOnceAndNotLookedUpAgainWhileRemembered() {
        SentenceEmbeddings embeddings = SentenceEmbeddings.shared();
        // texts no other test uses, so nothing is remembered from before
        String a = "Invoice total differs from the quote " + UUID.randomUUID();
        String b = "Export stops at ten thousand rows " + UUID.randomUUID();
        RecordingVectorStore store = new RecordingVectorStore();

        assertThat(embeddings.prepare(List.of(a, b, a), store)).isEqualTo(2);
        assertThat(store.lookedUp).containsExactlyInAnyOrder(SentenceEmbeddings.hash(a), SentenceEmbeddings.hash(b));
        assertThat(store.saved).containsExactlyInAnyOrder(SentenceEmbeddings.hash(a), SentenceEmbeddings.hash(b));

        // remembered as stored in this store: neither looked up, computed nor saved again
        store.lookedUp.clear();
        store.saved.clear();
        assertThat(embeddings.prepare(List.of(a, b), store)).isZero();
        assertThat(store.lookedUp).isEmpty();
        assertThat(store.saved).isEmpty();

        // another store (another database) has not seen them: they are saved there, from memory
        RecordingVectorStore other = new RecordingVectorStore();
        assertThat(embeddings.prepare(List.of(a), other)).isZero();
        assertThat(other.lookedUp).isEmpty();
        assertThat(other.saved).containsExactly(SentenceEmbeddings.hash(a));

        // forgotten in memory: read back from the store, not computed
        embeddings.forgetRecent();
        long before = embeddings.inferences();
        assertThat(embeddings.prepare(List.of(a, b), store)).isZero();
        assertThat(embeddings.inferences()).isEqualTo(before);
        assertThat(store.lookedUp).containsExactlyInAnyOrder(SentenceEmbeddings.hash(a), SentenceEmbeddings.hash(b));
        assertThat(embeddings.embed(a)).isEqualTo(store.vectors.get(SentenceEmbeddings.hash(a)));
    }

    @Test
    void aTextEmbeddedOutsideAnyStoreIsStoredWhenPreparedWithOne() {
        String c = "Mobile push arrives twice on Android " + UUID.randomUUID();
        float[] vector = SentenceEmbeddings.shared().embed(c);
        RecordingVectorStore store = new RecordingVectorStore();
        long before = SentenceEmbeddings.shared().inferences();
        assertThat(SentenceEmbeddings.shared().prepare(List.of(c), store)).isZero();
        assertThat(SentenceEmbeddings.shared().inferences()).isEqualTo(before);
        assertThat(store.saved).containsExactly(SentenceEmbeddings.hash(c));
        assertThat(store.vectors.get(SentenceEmbeddings.hash(c))).isEqualTo(vector);
    }

    @Test
    void aSaveTheStoreCouldNotTakeIsOfferedAgainNextTime() {
        String d = "Bulk import stops at row 5000 " + UUID.randomUUID();
        RecordingVectorStore store = new RecordingVectorStore();
        store.refusals = 1;
        assertThat(SentenceEmbeddings.shared().prepare(List.of(d), store)).isOne();
        assertThat(store.saved).isEmpty();
        long before = SentenceEmbeddings.shared().inferences();
        assertThat(SentenceEmbeddings.shared().prepare(List.of(d), store)).isZero();
        assertThat(SentenceEmbeddings.shared().inferences()).as("from memory, not computed again").isEqualTo(before);
        assertThat(store.saved).containsExactly(SentenceEmbeddings.hash(d));
    }
}

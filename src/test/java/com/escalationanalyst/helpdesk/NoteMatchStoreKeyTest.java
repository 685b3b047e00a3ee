package com.escalationanalyst.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.knowledge.SentenceEmbeddings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoteMatchStoreKeyTest {

    @Test
    void aMatchKeyIsRememberedAsItsBitsAndOnlyAHashIsRemembered() {
        String hex = SentenceEmbeddings.hash("subject\nnotes");
        NoteMatchStore.Key key = NoteMatchStore.Key.of(hex);
        // the four longs are the 64 digits read 16 at a time, written out by hand for this text's hash
        assertThat(key).isNotNull();
        assertThat(String.format("%016x%016x%016x%016x", key.first(), key.second(), key.third(), key.fourth()))
                .isEqualTo(hex);
        // keys that differ in any one digit are different keys
        Set<NoteMatchStore.Key> keys = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            char[] digits = hex.toCharArray();
            digits[i] = digits[i] == '0' ? '1' : '0';
            keys.add(NoteMatchStore.Key.of(new String(digits)));
        }
        keys.add(key);
        assertThat(keys).hasSize(65).doesNotContainNull();
        // not a lowercase hex hash: not remembered (looked up in the store every time)
        assertThat(NoteMatchStore.Key.of(hex.toUpperCase())).isNull();
        assertThat(NoteMatchStore.Key.of(hex.substring(1))).isNull();
        assertThat(NoteMatchStore.Key.of(hex.substring(1) + "g")).isNull();
        assertThat(NoteMatchStore.Key.of("")).isNull();
    }
}

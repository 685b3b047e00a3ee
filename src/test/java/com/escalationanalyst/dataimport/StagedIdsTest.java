package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagedIdsTest {

    @Test
    void distinctIdsAreClearedAndARepeatedOneIsNot() {
        StagedIds ids = new StagedIds(1_000_000);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300_000; i++) {
            String id = "T-" + i;
            ids.add(id);
            seen.add(id);
        }
        // 300,000 different strings: a HashSet of them holds each once
        assertThat(seen).hasSize(300_000);
        assertThat(ids.count()).isEqualTo(300_000);
        assertThat(ids.mayHaveDuplicates()).isFalse();

        ids.add("T-123456");
        assertThat(ids.count()).isEqualTo(300_001);
        assertThat(ids.mayHaveDuplicates()).isTrue();
    }

    @Test
    void idsThatDifferOnlyInOrderOrCaseAreDifferent() {
        StagedIds ids = new StagedIds(100);
        for (String id : new String[] {"ab", "ba", "AB", "a b", "ab ", "Ä", "A\u0308"}) {
            ids.add(id);
        }
        assertThat(ids.mayHaveDuplicates()).isFalse();
    }

    @Test
    void pastItsLimitItAlwaysAnswersPerhaps() {
        StagedIds ids = new StagedIds(10);
        for (int i = 0; i < 11; i++) {
            ids.add("T-" + i);
        }
        assertThat(ids.count()).isEqualTo(11);
        assertThat(ids.mayHaveDuplicates()).isTrue();

        StagedIds atLimit = new StagedIds(10);
        for (int i = 0; i < 10; i++) {
            atLimit.add("T-" + i);
        }
        assertThat(atLimit.mayHaveDuplicates()).isFalse();
    }
}

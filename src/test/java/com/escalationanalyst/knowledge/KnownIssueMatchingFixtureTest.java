package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.csv.CsvReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Known-issue matching on the first labelled fixture (fixtures/known-issue-matching.csv), kept as a
 * regression test: paraphrases of the seed's known issues, notes that name an issue id, and decoys that
 * share words with an issue but are about something else. Precision and recall are printed and must both
 * reach 0.9. (The held-out measurement is KnownIssueHeldOutTest.)
 */
class KnownIssueMatchingFixtureTest {

    record Labelled(String area, String expected, String text) {
    }

    /** The labelled notes of fixtures/known-issue-matching.csv (area, expected issue or none, text). */
    static List<Labelled> fixture() throws Exception {
        List<Labelled> fixture = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(
                new ClassPathResource("fixtures/known-issue-matching.csv").getInputStream(), StandardCharsets.UTF_8))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                fixture.add(new Labelled(row.get(0), row.get(1).isEmpty() ? null : row.get(1), row.get(2)));
            }
        }
        return fixture;
    }

    @Test
    void precisionAndRecallReachNinetyPercent() throws Exception {
        List<Labelled> fixture = fixture();
        assertThat(fixture).hasSizeGreaterThanOrEqualTo(60);

        // the knowledge of a fresh installation: seed known issues and policy sections
        KnowledgeSnapshot knowledge = SeedKnowledge.snapshot();
        int truePositives = 0;
        int predicted = 0;
        int labelled = 0;
        List<String> misses = new ArrayList<>();
        for (Labelled note : fixture) {
            String found = knowledge.findKnownIssue(note.text(), note.area()).map(m -> m.issue().id()).orElse(null);
            if (found != null) {
                predicted++;
            }
            if (note.expected() != null) {
                labelled++;
            }
            if (found != null && found.equals(note.expected())) {
                truePositives++;
            } else if (found != null || note.expected() != null) {
                misses.add("expected " + note.expected() + ", found " + found + ": " + note.text());
            }
        }
        double precision = (double) truePositives / predicted;
        double recall = (double) truePositives / labelled;
        System.out.printf("Known-issue matching on %d labelled notes: precision %.3f (%d/%d), recall %.3f (%d/%d)%n",
                fixture.size(), precision, truePositives, predicted, recall, truePositives, labelled);
        misses.forEach(m -> System.out.println("  " + m));
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
    }
}

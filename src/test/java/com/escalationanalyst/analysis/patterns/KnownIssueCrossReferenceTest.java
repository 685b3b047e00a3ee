package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.Findings;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.IssueTickets;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.PatternMatch;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.MatchStore;
import com.escalationanalyst.knowledge.SeedKnowledge;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.testsupport.RecordingVectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class KnownIssueCrossReferenceTest {

    /** The seed knowledge: KI-318 is the Notifications issue "scheduled dashboard e-mails skip new recipients". */
    static final KnowledgeSnapshot KNOWLEDGE = SeedKnowledge.snapshot();

    int n;

    EscalatedText ticket(String code, String area, String notes) {
        return new EscalatedText("T-" + ++n, code, area, "subject", notes);
    }

    @Test
    void patternsIssuesAndClustersOfUnmatchedBugNotes() {
        KnownIssueCrossReference cross = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5);
        for (int i = 0; i < 4; i++) {
            cross.accept(ticket("BUG-CONFIRMED", "Notifications",
                    "New team members added to the schedule never receive the dashboard email; older members do (" + i + ")"));
        }
        cross.accept(ticket("BUG-CONFIRMED", "Notifications", "Slack alerts stopped after the workspace was reconnected"));
        cross.accept(ticket("BUG-CONFIRMED", "Notifications", null));
        String[] pagination = {"Cursor pagination returns HTTP 500 on the last page",
            "HTTP 500 error on the last page of cursor pagination", "API pagination with cursor fails with 500 on last page"};
        String[] subjects = {"Pagination 500 on the last page", "Last page of the list endpoint fails",
            "List call errors at the end"};
        for (int i = 0; i < 6; i++) {
            cross.accept(new EscalatedText("T-" + ++n, "BUG-CONFIRMED", "API", subjects[i % 3], pagination[i % 3]));
        }
        for (int i = 0; i < 3; i++) {
            cross.accept(ticket("BUG-CONFIRMED", "Reporting", "Chart widget does not load with an ampersand in the filter"));
        }
        for (int i = 0; i < 6; i++) {
            cross.accept(ticket("AGENT-MISDIAGNOSIS", "API", "Agent did not know how to rotate the API token for the customer"));
        }

        Findings findings = cross.findings();
        assertThat(findings.ticketsRead()).isEqualTo(21);
        assertThat(findings.ticketsMatched()).isEqualTo(4);

        PatternMatch notifications = findings.patterns().stream()
                .filter(p -> p.rootCause().equals("product_bug") && p.productArea().equals("Notifications")).findFirst().orElseThrow();
        assertThat(notifications.tickets()).isEqualTo(6);
        assertThat(notifications.matchedTickets()).isEqualTo(4);
        assertThat(notifications.matchedShare()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(notifications.documentedBug()).isTrue();
        assertThat(notifications.topIssueId()).isEqualTo("KI-318");
        assertThat(notifications.topIssueStatus()).isEqualTo("fix_planned");
        // patterns without a matched ticket are left out (the cube has their counts)
        assertThat(findings.patterns()).hasSize(1);

        assertThat(findings.knownIssuesByRootCause().get("product_bug")).containsExactly(
                new IssueTickets("KI-318",
                        "Scheduled dashboard e-mails skip recipients added after the schedule was created",
                        "fix_planned", 4, "Re-save the schedule after adding recipients"));
        assertThat(findings.stillEscalating()).containsExactly(new KnownIssueCrossReference.StillEscalating("KI-318",
                "Scheduled dashboard e-mails skip recipients added after the schedule was created", "fix_planned", 4,
                "Re-save the schedule after adding recipients",
                "4 escalations matched KI-318 although its documented workaround (\"Re-save the schedule after adding "
                        + "recipients\") could have resolved them at the front line: a training or documentation gap."));

        // six similar unmatched API bug notes form a cluster; three Reporting notes are too few;
        // training-gap notes are never clustered (candidates are for new known issues, i.e. bugs)
        assertThat(findings.clusters()).hasSize(1);
        assertThat(findings.clusters().get(0).productArea()).isEqualTo("API");
        assertThat(findings.clusters().get(0).tickets()).isEqualTo(6);
        KnownIssueCrossReference.Cluster candidate = findings.clusters().get(0);
        // labelled with readable words: the subject of a member and whole words, never stems like "paginat"
        assertThat(candidate.label()).isIn((Object[]) subjects);
        assertThat(candidate.phrases()).isNotEmpty().allSatisfy(p -> assertThat(p).matches("[a-z0-9]+( [a-z0-9]+)?"));
        assertThat(String.join(" ", candidate.phrases())).contains("500").contains("page");
        assertThat(candidate.phrases()).doesNotContain("paginat", "cursor pagin");
        // its ticket ids, in the order they came (the 4 + 1 + 1 Notifications tickets came first)
        assertThat(candidate.ticketIds()).containsExactly("T-7", "T-8", "T-9", "T-10", "T-11", "T-12");
    }

    @Test
    void aShareBelowTheThresholdIsNotADocumentedBug() {
        KnownIssueCrossReference cross = new KnownIssueCrossReference(KNOWLEDGE, 0.5, 5);
        cross.accept(ticket("BUG-CONFIRMED", "Notifications", "New team members never receive the scheduled dashboard email"));
        cross.accept(ticket("BUG-CONFIRMED", "Notifications", "Slack alerts stopped"));
        cross.accept(ticket("BUG-CONFIRMED", "Notifications", "Digest email renders empty"));
        PatternMatch pattern = cross.findings().patterns().get(0);
        assertThat(pattern.matchedTickets()).isEqualTo(1);
        assertThat(pattern.documentedBug()).isFalse();
    }

    /** Matching a batch on several threads must give exactly what one ticket at a time gives, clusters included. */
    @Test
    void batchesMatchedBesideTheStreamGiveTheSameFindingsAsOneTicketAtATime() {
        String[] codes = {"BUG-CONFIRMED", "AGENT-MISDIAGNOSIS", "BILLING-EXCEPTION", null};
        String[] areas = {"Notifications", "API", "Reporting", "Billing", null};
        String[] notes = {"New team members added to the schedule never receive the dashboard email; older members do",
            "Cursor pagination returns HTTP 500 on the last page", "HTTP 500 error on the last page of cursor pagination",
            "Chart widget does not load with an ampersand in the filter", "Invoice shows the old VAT rate after the upgrade",
            "Agent did not know how to rotate the API token", null};
        java.util.List<EscalatedText> tickets = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            tickets.add(new EscalatedText("T-" + i, codes[random.nextInt(codes.length)], areas[random.nextInt(areas.length)],
                    "subject " + random.nextInt(50), notes[random.nextInt(notes.length)]));
        }
        KnownIssueCrossReference single = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5);
        tickets.forEach(single::accept);
        KnownIssueCrossReference batched = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5);
        tickets.forEach(batched::add); // five batches matched on other threads while the next ones come in
        Findings expected = single.findings();
        assertThat(expected.ticketsMatched()).isGreaterThan(100);
        assertThat(expected.clusters()).isNotEmpty();
        // how many texts each had to embed depends on what the other left in memory: everything else is equal
        assertThat(batched.findings()).usingRecursiveComparison().ignoringFields("embeddingsComputed", "decisionsMade").isEqualTo(expected);
    }

    /**
     * Once an area holds as many clustered notes as it may, a later batch's unmatched bug notes of that area get no
     * vector (none is read or computed for them), and the findings are still those of one ticket at a time.
     */
    @Test
    void notesBeyondAFullAreasClusteringGetNoVector() {
        String[] paraphrases = {"Cursor pagination returns HTTP 500 on the last page",
            "HTTP 500 error on the last page of cursor pagination", "API pagination with cursor fails with 500 on last page",
            "The last page of cursor pagination answers with HTTP 500", "Paging with a cursor breaks with a 500 at the end"};
        List<EscalatedText> tickets = new ArrayList<>();
        // the API area's clustering fills up: as many unmatched bug notes as it takes
        for (int i = 0; i < KnownIssueCrossReference.MAX_CLUSTERED_PER_AREA; i++) {
            tickets.add(new EscalatedText("T-" + tickets.size(), "BUG-CONFIRMED", "API", "subject", paraphrases[i % 5]));
        }
        // then more batches than can be in flight at once, none of them a bug: the full area is recorded before the
        // batches after them are examined
        for (int i = 0; i < (KnownIssueCrossReference.MAX_BATCHES_IN_FLIGHT + 1) * KnownIssueCrossReference.BATCH; i++) {
            tickets.add(new EscalatedText("T-" + tickets.size(), "AGENT-MISDIAGNOSIS", "API", "subject",
                    "Agent did not know how to rotate the API token"));
        }
        // then bug notes of the full area, each different, and of another area, which still has room
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String notes = "Cursor pagination returns HTTP 500 on page " + (i + 2) + " of the invoice list";
            late.add("subject\n" + notes);
            tickets.add(new EscalatedText("T-" + tickets.size(), "BUG-CONFIRMED", "API", "subject", notes));
        }
        for (int i = 0; i < 6; i++) {
            tickets.add(new EscalatedText("T-" + tickets.size(), "BUG-CONFIRMED", "Reporting", "subject",
                    "Chart widget does not load with an ampersand in the filter"));
        }

        KnownIssueCrossReference single = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5);
        tickets.forEach(single::accept);
        Findings expected = single.findings();

        // a first run stores every decision and vector (as the embedding job after an import does); the second
        // starts with nothing in memory and reads what it needs from the stores
        RecordingVectorStore vectors = new RecordingVectorStore();
        Decisions decisions = new Decisions();
        KnownIssueCrossReference first = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5, vectors, decisions);
        tickets.forEach(first::add);
        first.findings();
        assertThat(vectors.vectors.keySet()).as("vectors of the late notes were stored by the first run")
                .containsAll(late.stream().map(SentenceEmbeddings::hash).toList());
        SentenceEmbeddings.shared().forgetRecent();
        vectors.lookedUp.clear();
        KnownIssueCrossReference second = new KnownIssueCrossReference(KNOWLEDGE, 0.3, 5, vectors, decisions);
        tickets.forEach(second::add);
        Findings findings = second.findings();

        assertThat(findings).usingRecursiveComparison().ignoringFields("embeddingsComputed", "decisionsMade")
                .isEqualTo(expected);
        assertThat(findings.decisionsMade()).isZero();
        // the API cluster holds as many notes as an area may; the late API notes are in no cluster
        assertThat(findings.clusters().stream().filter(c -> c.productArea().equals("API"))
                .mapToLong(KnownIssueCrossReference.Cluster::tickets).sum())
                .isEqualTo(KnownIssueCrossReference.MAX_CLUSTERED_PER_AREA);
        // asked for: the five paraphrases and the Reporting note, none of the late API notes (two batches examined at
        // once may both ask for a text neither has remembered yet)
        List<String> wanted = new ArrayList<>();
        for (String paraphrase : paraphrases) {
            wanted.add(SentenceEmbeddings.hash("subject\n" + paraphrase));
        }
        wanted.add(SentenceEmbeddings.hash("subject\nChart widget does not load with an ampersand in the filter"));
        assertThat(Set.copyOf(vectors.lookedUp)).containsExactlyInAnyOrderElementsOf(wanted);
    }

    /** Decisions kept in a map, as the store keeps them. */
    static final class Decisions implements MatchStore {
        final Map<String, String> decisions = new ConcurrentHashMap<>();

        @Override
        public Map<String, String> find(Collection<String> keys) {
            Map<String, String> found = new HashMap<>();
            keys.stream().filter(decisions::containsKey).forEach(key -> found.put(key, decisions.get(key)));
            return found;
        }

        @Override
        public void save(String fingerprint, Map<String, String> made) {
            decisions.putAll(made);
        }
    }
}

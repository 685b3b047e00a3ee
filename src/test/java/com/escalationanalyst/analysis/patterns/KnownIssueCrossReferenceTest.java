package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.Findings;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.IssueTickets;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.PatternMatch;
import com.escalationanalyst.analysis.patterns.PatternQueries.EscalatedText;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.knowledge.SeedKnowledge;
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
}

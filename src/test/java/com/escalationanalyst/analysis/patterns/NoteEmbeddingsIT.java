package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TicketFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A ticket text's embedding is computed once: in the background after an import, stored in the helpdesk
 * store, and read from there by the analyses, which compute only what is missing.
 */
@IntegrationTest
class NoteEmbeddingsIT {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    HelpdeskDatabase helpdesk;
    @Autowired
    NoteEmbeddingStore store;
    @Autowired
    NoteEmbeddingBackfill backfill;
    @Autowired
    com.escalationanalyst.helpdesk.NoteMatchStore decisions;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void importedTextsAreEmbeddedOnceInTheBackgroundAndAnalysesReadThemBack() throws Exception {
        TestStores.empty(dataSource);
        helpdesk.jdbc().update("DELETE FROM note_embedding");
        helpdesk.jdbc().update("DELETE FROM note_match");
        // rows removed behind the application's back: what it remembers as stored must go too
        SentenceEmbeddings.shared().forgetRecent();
        decisions.forgetRecent();
        Csv tickets = TicketFixtures.threeMonths();
        // the texts matching reads (subject, line break, notes) of the escalated tickets, each once
        Set<String> texts = tickets.rows().stream().filter(r -> r.get("escalated").equals("true"))
                .map(r -> r.get("subject") + "\n" + r.get("resolution_notes")).collect(Collectors.toSet());
        assertThat(texts).hasSize(10);

        Api api = new Api(port);
        assertThat(api.post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);
        assertThat(backfill.awaitIdle(Duration.ofMinutes(2))).isTrue();
        assertThat(store.count()).isEqualTo(texts.size());
        assertThat(store.find(texts.stream().map(SentenceEmbeddings::hash).toList())).hasSize(texts.size());

        // the background also decided each text's known issue: an analysis with nothing in memory reads every
        // decision and vector from the store and computes nothing
        assertThat(helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM note_match", Long.class)).isEqualTo(texts.size());
        SentenceEmbeddings.shared().forgetRecent();
        decisions.forgetRecent();
        JsonNode first = findingsOfAPatternsRun(api);
        assertThat(first.get("embeddingsComputed").asLong()).as("nothing embedded again").isZero();
        assertThat(first.get("decisionsMade").asLong()).as("nothing matched again").isZero();

        // without stored decisions every text is matched again, with the same findings, and its decision stored;
        // a text whose vector went missing is computed on demand and stored again
        helpdesk.jdbc().update("DELETE FROM note_match");
        decisions.forgetRecent();
        String one = texts.iterator().next();
        helpdesk.jdbc().update("DELETE FROM note_embedding WHERE text_hash = ?", SentenceEmbeddings.hash(one));
        SentenceEmbeddings.shared().forgetRecent();
        JsonNode again = findingsOfAPatternsRun(api);
        assertThat(again.get("embeddingsComputed").asLong()).isOne();
        assertThat(again.get("decisionsMade").asLong()).isEqualTo(texts.size());
        assertThat(store.count()).isEqualTo(texts.size());
        assertThat(helpdesk.jdbc().queryForObject("SELECT COUNT(*) FROM note_match", Long.class)).isEqualTo(texts.size());
        for (String field : new String[] {"knownIssuesByRootCause", "patterns", "stillEscalating", "clusters", "ticketsMatched"}) {
            assertThat(again.get(field)).as(field).isEqualTo(first.get(field));
        }
    }

    @Test
    void afterASyncPageOnlyItsTicketsTextsAreLookedAt() throws Exception {
        TestStores.empty(dataSource);
        Csv tickets = TicketFixtures.threeMonths();
        Api api = new Api(port);
        assertThat(api.post("/api/import/tickets", "text/csv", tickets.bytes()).statusCode()).isEqualTo(200);
        assertThat(backfill.awaitIdle(Duration.ofMinutes(2))).isTrue();
        helpdesk.jdbc().update("DELETE FROM note_embedding");
        SentenceEmbeddings.shared().forgetRecent();

        // a page that held one escalated ticket and one that is not escalated: one text to embed
        var escalated = tickets.rows().stream().filter(r -> r.get("escalated").equals("true")).findFirst().orElseThrow();
        var calm = tickets.rows().stream().filter(r -> r.get("escalated").equals("false")).findFirst().orElseThrow();
        events.publishEvent(new com.escalationanalyst.helpdesk.TicketsChanged(0, 2,
                Set.of(escalated.get("ticket_id"), calm.get("ticket_id"))));
        assertThat(backfill.awaitIdle(Duration.ofMinutes(2))).isTrue();
        assertThat(store.count()).isOne();
        assertThat(store.find(java.util.List.of(SentenceEmbeddings.hash(escalated.get("subject") + "\n"
                + escalated.get("resolution_notes"))))).hasSize(1);
    }

    /** Runs the patterns analysis over the fixture's months; its known-issue findings. */
    private JsonNode findingsOfAPatternsRun(Api api) throws Exception {
        var run = api.post("/api/analyses/escalation-patterns", "application/json",
                "{\"from\":\"2026-08-01\",\"to\":\"2026-11-01\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String instance = Api.json(run).get("processInstanceId").asText();
        Object findings = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("knownIssueFindings").singleResult().getValue();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(findings.toString());
    }
}

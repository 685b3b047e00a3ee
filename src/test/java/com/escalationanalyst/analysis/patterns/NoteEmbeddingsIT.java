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
    org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void importedTextsAreEmbeddedOnceInTheBackgroundAndAnalysesReadThemBack() throws Exception {
        TestStores.empty(dataSource);
        helpdesk.jdbc().update("DELETE FROM note_embedding");
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

        // an analysis with nothing in memory reads every vector from the store
        SentenceEmbeddings.shared().forgetRecent();
        assertThat(embeddingsComputedByAPatternsRun(api)).as("nothing computed again").isZero();

        // a text whose vector went missing is computed on demand and stored again
        String one = texts.iterator().next();
        helpdesk.jdbc().update("DELETE FROM note_embedding WHERE text_hash = ?", SentenceEmbeddings.hash(one));
        SentenceEmbeddings.shared().forgetRecent();
        assertThat(embeddingsComputedByAPatternsRun(api)).isOne();
        assertThat(store.count()).isEqualTo(texts.size());
    }

    /** Runs the patterns analysis over the fixture's months; what its findings say it had to embed. */
    private long embeddingsComputedByAPatternsRun(Api api) throws Exception {
        var run = api.post("/api/analyses/escalation-patterns", "application/json",
                "{\"from\":\"2026-08-01\",\"to\":\"2026-11-01\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String instance = Api.json(run).get("processInstanceId").asText();
        Object findings = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("knownIssueFindings").singleResult().getValue();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(findings.toString())
                .get("embeddingsComputed").asLong();
    }
}

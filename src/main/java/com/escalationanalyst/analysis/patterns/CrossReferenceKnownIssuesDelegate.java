package com.escalationanalyst.analysis.patterns;

import static com.escalationanalyst.analysis.AnalysisVariables.KNOWLEDGE_GENERATION;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.analysis.TicketFilterFactory;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.Findings;
import com.escalationanalyst.analysis.patterns.KnownIssueCrossReference.PatternMatch;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Cross-reference known issues": streams the escalated tickets' subjects and notes once and
 * matches each against the known issues of its product area; writes the findings and, per ranked
 * root cause, the inputs of the "Recommend action" decision.
 */
@Component("crossReferenceKnownIssuesDelegate")
class CrossReferenceKnownIssuesDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CrossReferenceKnownIssuesDelegate.class);

    record DecisionInput(String rootCause, long escalations, boolean knownIssueMatched, String knownIssueStatus) {
    }

    private final PatternQueries queries;
    private final TicketFilterFactory filters;
    private final KnowledgeService knowledge;
    private final PatternSettings settings;

    CrossReferenceKnownIssuesDelegate(PatternQueries queries, TicketFilterFactory filters, KnowledgeService knowledge,
                                      PatternSettings settings) {
        this.queries = queries;
        this.filters = filters;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long started = System.nanoTime();
        TicketFilter filter = filters.filterOf(execution);
        KnownIssueCrossReference crossReference = new KnownIssueCrossReference(
                knowledge.snapshot((Long) execution.getVariable(KNOWLEDGE_GENERATION)),
                settings.documentedBugShare(), settings.clusterMinSize());
        crossReference.readAll(queries, filter);
        Findings findings = crossReference.findings();

        List<DecisionInput> inputs = new ArrayList<>();
        for (JsonNode row : JsonVariables.read(execution, PatternVariables.RANKING).get("rows")) {
            String cause = row.get("rootCause").asText();
            Optional<PatternMatch> documented = findings.patterns().stream()
                    .filter(p -> p.rootCause().equals(cause) && p.documentedBug())
                    .max(Comparator.comparingLong(PatternMatch::matchedTickets));
            inputs.add(new DecisionInput(cause, row.get("count").asLong(), documented.isPresent(),
                    documented.map(PatternMatch::topIssueStatus).orElse("")));
        }
        execution.setVariable(PatternVariables.FINDINGS, JsonVariables.json(findings));
        execution.setVariable(PatternVariables.RECOMMENDATION_INPUTS, JsonVariables.json(inputs));
        log.debug("Cross-reference known issues: {} tickets read, {} matched, {} clusters in {} ms",
                findings.ticketsRead(), findings.ticketsMatched(), findings.clusters().size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}

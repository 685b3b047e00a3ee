package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.TicketFilter;
import com.escalationanalyst.helpdesk.NoteEmbeddingStore;
import com.escalationanalyst.knowledge.KnowledgeSnapshot;
import com.escalationanalyst.period.Period;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Known-issue matching of the patterns analysis for other features (the monthly report): the
 * known issues the escalated tickets of a period match, per root cause, most tickets first.
 */
@Component
public class KnownIssueMatching {

    public record MatchedIssue(String id, String title, String status, long tickets) {
    }

    /** A candidate new known issue: similar unmatched product-bug notes, labelled by their most central subject. */
    public record Candidate(String productArea, long tickets, String label) {
    }

    /** The period's known issues per root cause and its candidate new known issues, largest first. */
    public record PeriodMatches(Map<String, List<MatchedIssue>> byRootCause, List<Candidate> candidates) {
    }

    /** Counter of tickets matched to a known issue, tag {@code analysis} (patterns, report). */
    static final String MATCHES = "escalation.known.issue.matches";

    private final PatternQueries queries;
    private final PatternSettings settings;
    private final NoteEmbeddingStore vectors;
    private final com.escalationanalyst.helpdesk.NoteMatchStore decisions;
    private final MeterRegistry meters;

    KnownIssueMatching(PatternQueries queries, PatternSettings settings, NoteEmbeddingStore vectors,
                       com.escalationanalyst.helpdesk.NoteMatchStore decisions, MeterRegistry meters) {
        this.meters = meters;
        meters.counter(MATCHES, "analysis", "report");
        this.decisions = decisions;
        this.queries = queries;
        this.settings = settings;
        this.vectors = vectors;
    }

    /** The escalated tickets of {@code filter} whose notes match known issue {@code issueId}, in stream order. */
    public List<String> ticketsOf(String issueId, TicketFilter filter, KnowledgeSnapshot knowledge) {
        KnownIssueCrossReference crossReference = new KnownIssueCrossReference(knowledge,
                settings.documentedBugShare(), settings.clusterMinSize(), vectors, decisions);
        List<String> tickets = new ArrayList<>();
        crossReference.onMatch((ticketId, issue) -> {
            if (issue.equals(issueId)) {
                tickets.add(ticketId);
            }
        });
        crossReference.readAll(queries, filter);
        crossReference.findings();
        return tickets;
    }

    public PeriodMatches of(Period period, KnowledgeSnapshot knowledge) {
        KnownIssueCrossReference crossReference = new KnownIssueCrossReference(knowledge,
                settings.documentedBugShare(), settings.clusterMinSize(), vectors, decisions);
        crossReference.readAll(queries, new TicketFilter(period, null, null, null, null, null, false));
        KnownIssueCrossReference.Findings findings = crossReference.findings();
        meters.counter(MATCHES, "analysis", "report").increment(crossReference.matchedTickets());
        Map<String, List<MatchedIssue>> byRootCause = new TreeMap<>();
        findings.knownIssuesByRootCause().forEach((cause, issues) -> byRootCause.put(cause,
                issues.stream().map(i -> new MatchedIssue(i.id(), i.title(), i.status(), i.tickets())).toList()));
        return new PeriodMatches(byRootCause, findings.clusters().stream()
                .map(c -> new Candidate(c.productArea(), c.tickets(), c.label())).toList());
    }
}

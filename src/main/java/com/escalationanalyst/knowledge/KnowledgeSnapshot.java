package com.escalationanalyst.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The active knowledge at one generation: reason-code map, known issues, policy sections and their
 * search index. Immutable: an analysis that takes one snapshot sees one version of everything.
 */
public final class KnowledgeSnapshot {

    private final long generation;
    private final ReasonCodeMap reasonCodes;
    private final List<KnownIssue> knownIssues;
    private final List<PolicySection> policySections;
    private final KnowledgeIndex index;
    private final double matchThreshold;

    public KnowledgeSnapshot(long generation, ReasonCodeMap reasonCodes, List<KnownIssue> knownIssues,
                      List<PolicySection> policySections, double matchThreshold) {
        this.generation = generation;
        this.reasonCodes = reasonCodes;
        this.knownIssues = List.copyOf(knownIssues);
        this.policySections = List.copyOf(policySections);
        this.index = new KnowledgeIndex(this.knownIssues, this.policySections);
        this.matchThreshold = matchThreshold;
    }

    public long generation() {
        return generation;
    }

    public ReasonCodeMap reasonCodes() {
        return reasonCodes;
    }

    public List<KnownIssue> knownIssues() {
        return knownIssues;
    }

    public List<PolicySection> policySections() {
        return policySections;
    }

    /** The known issue of the product area that a ticket's text describes (see {@link KnowledgeIndex}). */
    public Optional<KnownIssueMatch> findKnownIssue(String text, String productArea) {
        return index.findKnownIssue(text, productArea, matchThreshold);
    }

    /** The policy section that supports a statement such as a recommended action. */
    public Optional<PolicyReference> findPolicy(String text) {
        return index.findPolicy(text);
    }
}

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
    private final KnownIssueMatcher matcher;

    public KnowledgeSnapshot(long generation, ReasonCodeMap reasonCodes, List<KnownIssue> knownIssues,
                      List<PolicySection> policySections, KnownIssueMatcher.Weights weights) {
        this.generation = generation;
        this.reasonCodes = reasonCodes;
        this.knownIssues = List.copyOf(knownIssues);
        this.policySections = List.copyOf(policySections);
        this.index = new KnowledgeIndex(this.knownIssues, this.policySections);
        this.matcher = new KnownIssueMatcher(this.knownIssues, index, SentenceEmbeddings.shared(), weights);
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

    /** The known issue that a ticket's text describes, preferring its product area (see {@link KnownIssueMatcher}). */
    public Optional<KnownIssueMatch> findKnownIssue(String text, String productArea) {
        return matcher.find(text, productArea);
    }

    /** The same decision with its candidates and reasons, for people asking why. */
    public KnownIssueMatcher.Explanation explainKnownIssue(String text, String productArea) {
        return matcher.explain(text, productArea);
    }

    /** The policy section that supports a statement such as a recommended action. */
    public Optional<PolicyReference> findPolicy(String text) {
        return index.findPolicy(text);
    }
}

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
    private final String fingerprint;
    private final java.util.Map<String, KnownIssue> issuesById = new java.util.HashMap<>();
    private final SlaPolicies slaPolicies;

    public KnowledgeSnapshot(long generation, ReasonCodeMap reasonCodes, List<KnownIssue> knownIssues,
                      List<PolicySection> policySections, KnownIssueMatcher.Weights weights) {
        this(generation, reasonCodes, knownIssues, policySections, weights, null);
    }

    /** {@code slaPolicies}: the active SLA policy document's, or null without one. */
    public KnowledgeSnapshot(long generation, ReasonCodeMap reasonCodes, List<KnownIssue> knownIssues,
                      List<PolicySection> policySections, KnownIssueMatcher.Weights weights, SlaPolicies slaPolicies) {
        this.slaPolicies = slaPolicies;
        this.generation = generation;
        this.reasonCodes = reasonCodes;
        this.knownIssues = List.copyOf(knownIssues);
        this.policySections = List.copyOf(policySections);
        this.index = new KnowledgeIndex(this.knownIssues, this.policySections);
        this.matcher = new KnownIssueMatcher(this.knownIssues, index, SentenceEmbeddings.shared(), weights);
        this.knownIssues.forEach(issue -> issuesById.putIfAbsent(issue.id(), issue));
        this.fingerprint = fingerprint(this.knownIssues, this.policySections, weights);
    }

    /**
     * What a known-issue decision depends on besides the text and its area, as a short hash: the model, the
     * matching weights, the known issues and the policy sections (they share the lexical index's statistics).
     */
    private static String fingerprint(List<KnownIssue> issues, List<PolicySection> sections, KnownIssueMatcher.Weights weights) {
        StringBuilder all = new StringBuilder(SentenceEmbeddings.MODEL).append('\u0000').append(weights);
        for (KnownIssue issue : issues) {
            all.append('\u0000').append(issue);
        }
        for (PolicySection section : sections) {
            all.append('\u0000').append(section);
        }
        return SentenceEmbeddings.hash(all.toString()).substring(0, 16);
    }

    /** The SLA policies of the escalation-policies space, if a document holds them. */
    public Optional<SlaPolicies> slaPolicies() {
        return Optional.ofNullable(slaPolicies);
    }

    /** Identifies this version of the knowledge as far as known-issue matching is concerned. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The key of a text's decision in a {@link MatchStore}: this knowledge, the product area and the text. */
    public String matchKey(String text, String productArea) {
        return SentenceEmbeddings.hash(fingerprint + '\u0000' + (productArea == null ? "" : productArea) + '\u0000'
                + (text == null ? "" : text));
    }

    /** A known issue of this snapshot by its id as written. */
    public Optional<KnownIssue> knownIssue(String id) {
        return Optional.ofNullable(issuesById.get(id));
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

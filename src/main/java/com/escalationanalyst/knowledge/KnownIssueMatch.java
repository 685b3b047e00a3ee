package com.escalationanalyst.knowledge;

/** A known issue that a ticket's text describes; {@code explicit} when the text names its id. */
public record KnownIssueMatch(KnownIssue issue, double score, boolean explicit) {
}

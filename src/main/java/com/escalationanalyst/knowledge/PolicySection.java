package com.escalationanalyst.knowledge;

/** One section of a policy document: the text under a Markdown heading. */
public record PolicySection(String document, String heading, String body) {
}

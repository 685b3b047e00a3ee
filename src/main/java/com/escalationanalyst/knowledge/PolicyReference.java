package com.escalationanalyst.knowledge;

/** The policy section that supports a statement, with a short quote from it. */
public record PolicyReference(String document, String heading, String quote, double score) {
}

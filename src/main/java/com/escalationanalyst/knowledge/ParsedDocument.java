package com.escalationanalyst.knowledge;

import java.util.List;
import java.util.Map;

/** What a knowledge document contributes: policy sections, reason codes, known issues or SLA policies. */
record ParsedDocument(String name, List<PolicySection> sections, Map<String, RootCause> reasonCodes,
                      List<KnownIssue> knownIssues, SlaPolicies slaPolicies) {

    static ParsedDocument policy(String name, List<PolicySection> sections) {
        return new ParsedDocument(name, sections, Map.of(), List.of(), null);
    }

    static ParsedDocument reasonCodes(String name, ReasonCodeMap map) {
        return new ParsedDocument(name, List.of(), map.codes(), List.of(), null);
    }

    static ParsedDocument knownIssues(String name, List<KnownIssue> issues) {
        return new ParsedDocument(name, List.of(), Map.of(), issues, null);
    }

    static ParsedDocument slaPolicies(String name, SlaPolicies policies) {
        return new ParsedDocument(name, List.of(), Map.of(), List.of(), policies);
    }
}

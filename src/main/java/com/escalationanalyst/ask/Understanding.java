package com.escalationanalyst.ask;

import java.util.List;

/**
 * What a question asks for: a skill with its inputs, or a reply that asks back ({@code skill} = clarify).
 * {@code period} is a phrase the period resolver reads (null: the skill's default); {@code month} (YYYY-MM) only
 * for the monthly report; {@code notes} say what was read but not used, so that nothing is dropped silently.
 */
public record Understanding(String skill, String period, String month, String productArea, String segment, String tier,
                            String region, String dimension, String clarification, List<String> notes) {

    public static final String PATTERNS = "patterns";
    public static final String SEGMENTS = "segments";
    public static final String REPORT = "report";
    public static final String CLARIFY = "clarify";

    static Understanding clarify(String reply) {
        return new Understanding(CLARIFY, null, null, null, null, null, null, null, reply, List.of());
    }
}

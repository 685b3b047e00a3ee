package com.escalationanalyst.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/** Escalation reason code → root cause, as written in {@code escalation-policies/reason-codes.yaml}. */
public record ReasonCodeMap(Map<String, RootCause> codes) {

    public static final String SEED = "knowledge/escalation-policies/reason-codes.yaml";

    public ReasonCodeMap {
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** The root cause of a code; missing and unmapped codes are unclassified. */
    public RootCause rootCauseOf(String reasonCode) {
        return reasonCode == null ? RootCause.UNCLASSIFIED : codes.getOrDefault(reasonCode, RootCause.UNCLASSIFIED);
    }

    public List<String> codesOf(RootCause cause) {
        List<String> result = new ArrayList<>();
        codes.forEach((code, c) -> {
            if (c == cause) {
                result.add(code);
            }
        });
        return result;
    }

    /** The map shipped in knowledge/ (the seed). */
    public static ReasonCodeMap seed() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED, e);
        }
    }

    /**
     * Parses the YAML format of docs/knowledge.md, "Document formats" ({@code codes: [{code, root_cause, description}]}).
     * Every problem is collected; any problem refuses the whole document.
     */
    public static ReasonCodeMap parse(String yaml) {
        List<String> reasons = new ArrayList<>();
        Object document = KnowledgeYaml.load(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("codes") instanceof List<?> entries)) {
            throw new KnowledgeValidationException(List.of("a reason-code map needs a top-level list 'codes'"));
        }
        String allowed = RootCause.mappable().stream().map(RootCause::code).collect(Collectors.joining(", "));
        Map<String, RootCause> codes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = "codes[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                reasons.add(where + ": must be a mapping with 'code' and 'root_cause'");
                continue;
            }
            Object code = entry.get("code");
            Object cause = entry.get("root_cause");
            if (!(code instanceof String c) || c.isBlank()) {
                reasons.add(where + ": 'code' is missing");
                continue;
            }
            where += " (" + c + ")";
            RootCause rootCause = cause instanceof String s ? RootCause.ofCode(s) : null;
            if (rootCause == null || rootCause == RootCause.UNCLASSIFIED) {
                reasons.add(where + ": root_cause '" + cause + "' is not one of " + allowed);
            } else if (codes.putIfAbsent(c.trim(), rootCause) != null) {
                reasons.add(where + ": the code is listed twice");
            }
        }
        if (entries.isEmpty()) {
            reasons.add("'codes' is empty");
        }
        if (!reasons.isEmpty()) {
            throw new KnowledgeValidationException(reasons);
        }
        return new ReasonCodeMap(codes);
    }
}

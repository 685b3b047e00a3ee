package com.escalationanalyst.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED, e);
        }
    }

    /** Parses the YAML format of DESIGN.md ({@code codes: [{code, root_cause, description}]}). */
    public static ReasonCodeMap parse(InputStream yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("codes") instanceof List<?> entries)) {
            throw new IllegalArgumentException("reason-codes.yaml needs a top-level list 'codes'");
        }
        Map<String, RootCause> codes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)
                    || !(entry.get("code") instanceof String code) || code.isBlank()
                    || !(entry.get("root_cause") instanceof String cause)) {
                throw new IllegalArgumentException("codes[" + i + "] needs 'code' and 'root_cause'");
            }
            RootCause rootCause = RootCause.fromCode(cause);
            if (rootCause == RootCause.UNCLASSIFIED || codes.putIfAbsent(code, rootCause) != null) {
                throw new IllegalArgumentException("codes[" + i + "]: '" + code + "' is listed twice or maps to "
                        + "unclassified");
            }
        }
        return new ReasonCodeMap(codes);
    }
}

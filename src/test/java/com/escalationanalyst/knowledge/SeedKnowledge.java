package com.escalationanalyst.knowledge;

import com.escalationanalyst.knowledge.KnowledgeSpace.DocumentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/** The knowledge shipped in knowledge/, parsed the way the application does, for unit tests. */
public final class SeedKnowledge {

    private SeedKnowledge() {
    }

    public static String read(String path) {
        try (InputStream in = new ClassPathResource("knowledge/" + path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<KnownIssue> knownIssues() {
        return KnownIssueParser.parse(DocumentType.YAML, read("known-issues/known-issues.yaml"), 100);
    }

    public static List<PolicySection> policySections() {
        List<PolicySection> sections = new ArrayList<>();
        for (String doc : List.of("escalation-criteria.md", "sla-definitions.md", "routing-rules.md")) {
            sections.addAll(MarkdownSections.split(doc, read("escalation-policies/" + doc)));
        }
        return sections;
    }

    /** The active knowledge of a fresh installation. */
    public static KnowledgeSnapshot snapshot() {
        return new KnowledgeSnapshot(1, ReasonCodeMap.seed(), knownIssues(), policySections(),
                KnownIssueMatcher.Weights.DEFAULT);
    }
}

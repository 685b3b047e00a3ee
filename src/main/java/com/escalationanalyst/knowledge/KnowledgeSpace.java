package com.escalationanalyst.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The two knowledge spaces and the document types each accepts. */
public enum KnowledgeSpace {
    ESCALATION_POLICIES("escalation-policies", Set.of(DocumentType.MARKDOWN, DocumentType.YAML)),
    KNOWN_ISSUES("known-issues", Set.of(DocumentType.YAML, DocumentType.JSON, DocumentType.CSV));

    private final String id;
    private final Set<DocumentType> accepted;

    KnowledgeSpace(String id, Set<DocumentType> accepted) {
        this.id = id;
        this.accepted = accepted;
    }

    public String id() {
        return id;
    }

    public boolean accepts(DocumentType type) {
        return accepted.contains(type);
    }

    public Set<DocumentType> accepted() {
        return accepted;
    }

    public static Optional<KnowledgeSpace> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Document types, recognised by file name extension. */
    public enum DocumentType {
        MARKDOWN("text/markdown", ".md", ".markdown"),
        YAML("application/yaml", ".yaml", ".yml"),
        JSON("application/json", ".json"),
        CSV("text/csv", ".csv");

        private final String mediaType;
        private final String[] extensions;

        DocumentType(String mediaType, String... extensions) {
            this.mediaType = mediaType;
            this.extensions = extensions;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<DocumentType> ofName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(t -> Arrays.stream(t.extensions).anyMatch(lower::endsWith))
                    .findFirst();
        }

        public static Optional<DocumentType> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
        }
    }
}

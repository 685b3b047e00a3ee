package com.escalationanalyst.knowledge;

import java.time.OffsetDateTime;

/** One stored version of a knowledge document (without its content). */
public record KnowledgeDocument(
        String space,
        String name,
        int version,
        String mediaType,
        int sizeBytes,
        String uploadedBy,
        OffsetDateTime uploadedAt,
        boolean active) {
}

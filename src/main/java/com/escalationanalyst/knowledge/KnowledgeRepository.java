package com.escalationanalyst.knowledge;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of the knowledge store. Callers hold a transaction of {@link KnowledgeDatabase}. */
@Repository
class KnowledgeRepository {

    record StoredContent(String space, String name, int version, String mediaType, String content) {
    }

    private static final RowMapper<KnowledgeDocument> DOCUMENT = (rs, n) -> new KnowledgeDocument(
            rs.getString("space"), rs.getString("name"), rs.getInt("version"), rs.getString("media_type"),
            rs.getInt("size_bytes"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
            rs.getBoolean("active"));

    private static final RowMapper<StoredContent> CONTENT = (rs, n) -> new StoredContent(
            rs.getString("space"), rs.getString("name"), rs.getInt("version"), rs.getString("media_type"),
            rs.getString("content"));

    private final JdbcTemplate jdbc;

    KnowledgeRepository(KnowledgeDatabase database) {
        this.jdbc = database.jdbc();
    }

    /** Serialises every change of the knowledge spaces, on every node, and returns the generation. */
    long lockState() {
        return jdbc.queryForObject("SELECT generation FROM knowledge_state WHERE id = 1 FOR UPDATE", Long.class);
    }

    long generation() {
        return jdbc.queryForObject("SELECT generation FROM knowledge_state WHERE id = 1", Long.class);
    }

    void bumpGeneration() {
        jdbc.update("UPDATE knowledge_state SET generation = generation + 1 WHERE id = 1");
    }

    long countDocuments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_document", Long.class);
    }

    List<KnowledgeDocument> documents(String space) {
        return jdbc.query("""
                SELECT space, name, version, media_type, size_bytes, uploaded_by, uploaded_at, active
                FROM knowledge_document WHERE space = ? ORDER BY name, version""", DOCUMENT, space);
    }

    List<StoredContent> activeContents() {
        return jdbc.query("""
                SELECT space, name, version, media_type, content FROM knowledge_document
                WHERE active ORDER BY space, name""", CONTENT);
    }

    Optional<StoredContent> content(String space, String name, Integer version) {
        String sql = "SELECT space, name, version, media_type, content FROM knowledge_document WHERE space = ? AND name = ? AND "
                + (version == null ? "active" : "version = ?");
        Object[] args = version == null ? new Object[] {space, name} : new Object[] {space, name, version};
        return jdbc.query(sql, CONTENT, args).stream().findFirst();
    }

    int nextVersion(String space, String name) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM knowledge_document WHERE space = ? AND name = ?",
                Integer.class, space, name);
    }

    void insertActive(String space, String name, int version, String mediaType, String content, int sizeBytes,
                      String uploadedBy, OffsetDateTime uploadedAt) {
        jdbc.update("UPDATE knowledge_document SET active = FALSE WHERE space = ? AND name = ?", space, name);
        jdbc.update("""
                INSERT INTO knowledge_document
                    (space, name, version, media_type, content, size_bytes, uploaded_by, uploaded_at, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)""",
                space, name, version, mediaType, content, sizeBytes, uploadedBy, uploadedAt);
    }

    void activate(String space, String name, int version) {
        jdbc.update("UPDATE knowledge_document SET active = (version = ?) WHERE space = ? AND name = ?",
                version, space, name);
    }

    int deactivate(String space, String name) {
        return jdbc.update("UPDATE knowledge_document SET active = FALSE WHERE space = ? AND name = ? AND active",
                space, name);
    }
}

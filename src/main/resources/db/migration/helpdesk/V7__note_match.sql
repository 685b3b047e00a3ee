-- Known-issue decisions per ticket text, like note_embedding: match_key is the SHA-256 of the knowledge's
-- fingerprint, the product area and the text (src/main/java/com/escalationanalyst/knowledge/KnowledgeSnapshot.java);
-- issue_id the matched known issue, empty for none. Rows of an older knowledge are removed in the background.
CREATE TABLE note_match (
    match_key             CHAR(64)    NOT NULL PRIMARY KEY,
    knowledge_fingerprint CHAR(16)    NOT NULL,
    issue_id              VARCHAR(64) NOT NULL
);

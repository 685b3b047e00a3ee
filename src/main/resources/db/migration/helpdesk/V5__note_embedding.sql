-- Sentence embeddings of tickets' texts (subject and notes, as known-issue matching reads them), one row per
-- distinct text and model: text_hash is the SHA-256 of the model's name and the text
-- (src/main/java/com/escalationanalyst/knowledge/SentenceEmbeddings.java), vector 384 float32 little-endian.
-- Computed once, after imports and syncs and on demand; a changed text gets a new row, an unused one stays.
CREATE TABLE note_embedding (
    text_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    model      VARCHAR(64) NOT NULL,
    vector     ${bytes}    NOT NULL
);

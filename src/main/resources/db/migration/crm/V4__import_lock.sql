-- Imports into this store merge one at a time: each locks this one row (SELECT ... FOR UPDATE) from its
-- merge to the end of its transaction, on H2 and PostgreSQL alike and across nodes (see
-- src/main/java/com/escalationanalyst/dataimport/ImportLock.java).
CREATE TABLE crm_import_lock (
    store VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO crm_import_lock (store) VALUES ('crm');

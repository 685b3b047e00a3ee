-- PostgreSQL joins the staging table by hashing (it is analysed after each load); its index only slowed
-- COPY into it (about half the staging time at two million rows). H2 keeps it for its joins.
${postgresql_only}DROP INDEX IF EXISTS ix_ticket_import_staging;

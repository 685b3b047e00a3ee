-- PostgreSQL joins the staging table by hashing (it is analysed after each load); its index only slowed
-- COPY into it. H2 keeps it for its joins.
${postgresql_only}DROP INDEX IF EXISTS ix_account_import_staging;

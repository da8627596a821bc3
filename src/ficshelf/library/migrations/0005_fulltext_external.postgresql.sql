-- Step 5 changes only SQLite's full-text table (see 0005_fulltext_external.sqlite.sql).
-- PostgreSQL's works_fts is unchanged: ts_headline needs the text beside the tsvector.
SELECT 1;

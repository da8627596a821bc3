-- Full text of title, summary and story body for search (SQLite FTS5; rowid = works.id).
-- The store keeps it in step with works. PostgreSQL has its own 0002_fulltext.postgresql.sql
-- (a tsvector column with a GIN index).
CREATE VIRTUAL TABLE works_fts USING fts5 (
    title,
    summary,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

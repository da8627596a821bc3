-- Full text of title, summary and story body for search (PostgreSQL). The store writes
-- ``document`` itself from words it has already split and folded (ficshelf.library.fulltext),
-- the same words SQLite's FTS5 table indexes, so both backends find the same works. Positions
-- leave a gap between title, summary and body so that a phrase never spans two of them, as in
-- FTS5; weights A/B/D let ts_rank favour the title, then the summary.
CREATE TABLE works_fts (
    work_id BIGINT NOT NULL PRIMARY KEY REFERENCES works (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    document TSVECTOR NOT NULL
);
CREATE INDEX works_fts_document ON works_fts USING GIN (document);

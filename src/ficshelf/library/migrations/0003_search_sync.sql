-- What the in-memory search index needs to stay in step with the library, cheaply, even when
-- another process writes: a generation number bumped in the same transaction as every write to
-- a work, the generation at which each work last changed, and the works deleted (by generation).
-- Also case-folded name keys (Python's str.casefold, filled in by the store), so that searches
-- for tags, series and authors ignore case the same way on SQLite and PostgreSQL. Rows written
-- before this step get lower() (ASCII-only on SQLite) until their work is stored again.

CREATE TABLE library_state (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation BIGINT NOT NULL
);
INSERT INTO library_state (id, generation) VALUES (1, 0);

ALTER TABLE works ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX works_changed_at ON works (changed_at);

CREATE TABLE deleted_works (
    work_id BIGINT NOT NULL PRIMARY KEY,
    changed_at BIGINT NOT NULL
);
CREATE INDEX deleted_works_changed_at ON deleted_works (changed_at);

ALTER TABLE tags ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE tags SET name_key = lower(name);
CREATE INDEX tags_by_name_key ON tags (name_key);

ALTER TABLE tag_synonyms ADD COLUMN written_key TEXT NOT NULL DEFAULT '';
UPDATE tag_synonyms SET written_key = lower(written);
CREATE INDEX tag_synonyms_by_written_key ON tag_synonyms (written_key);

CREATE INDEX tag_parents_by_parent ON tag_parents (parent_id);

ALTER TABLE series ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE series SET name_key = lower(name);
CREATE INDEX series_by_name_key ON series (name_key);

ALTER TABLE work_authors ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE work_authors SET name_key = lower(name);
CREATE INDEX work_authors_by_name_key ON work_authors (name_key);

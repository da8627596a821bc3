-- The library's tables. Portable SQL for SQLite and PostgreSQL: $ID is the one dialect token
-- (an auto-numbered primary key); dates are ISO 'YYYY-MM-DD' text, timestamps ISO text in UTC,
-- booleans 0/1 integers, JSON as text.

CREATE TABLE works (
    id $ID,
    title TEXT NOT NULL,
    summary TEXT,
    notes TEXT,
    end_notes TEXT,
    rating TEXT NOT NULL,
    rating_rank INTEGER NOT NULL,
    status TEXT CHECK (status IN ('complete', 'in-progress')),
    language TEXT,
    words BIGINT NOT NULL CHECK (words >= 0),
    chapter_count INTEGER NOT NULL CHECK (chapter_count >= 0),
    published TEXT,
    updated TEXT,
    fandom_inferred INTEGER NOT NULL DEFAULT 0,
    format TEXT NOT NULL,
    encoding TEXT,
    content_hash TEXT NOT NULL,
    raw_json TEXT NOT NULL,
    decisions_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX works_content_hash ON works (content_hash);

CREATE TABLE work_authors (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (work_id, position)
);
CREATE INDEX work_authors_name ON work_authors (name);

-- Every tag of a work, one table for all types, so the search index can build one bitmap per
-- (type, name) alike: archive warnings and categories are tags of their own closed types.
-- The rating is single-valued and ordered, so it is a column of works (rating_rank for ranges).
CREATE TABLE tags (
    id $ID,
    type TEXT NOT NULL CHECK (type IN (
        'fandom', 'relationship', 'character', 'freeform', 'warning', 'category'
    )),
    name TEXT NOT NULL,
    UNIQUE (type, name)
);

-- Meta tags: a canonical tag may have parents; searching a parent includes its sub-tags.
CREATE TABLE tag_parents (
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    parent_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, parent_id)
);

-- Every form a tag was ever written in, and how the wrangler linked it to the tag.
CREATE TABLE tag_synonyms (
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    written TEXT NOT NULL,
    how TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (tag_id, written)
);
CREATE INDEX tag_synonyms_written ON tag_synonyms (written);

CREATE TABLE work_tags (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    tag_id BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    written TEXT,
    how TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (work_id, tag_id)
);
CREATE INDEX work_tags_tag ON work_tags (tag_id, work_id);

-- Tags the wrangler could not place: listed for the user to review.
CREATE TABLE tag_review (
    tag_id BIGINT NOT NULL PRIMARY KEY REFERENCES tags (id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL
);

CREATE TABLE series (
    id $ID,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE work_series (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    series_id BIGINT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    position INTEGER,
    PRIMARY KEY (work_id, series_id)
);
CREATE INDEX work_series_series ON work_series (series_id, position);

CREATE TABLE chapters (
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    html TEXT,
    summary TEXT,
    notes TEXT,
    PRIMARY KEY (work_id, position)
);

-- The files a work is known by; one work may have several (the same content at two paths).
-- An archive member's path is "archive.zip!/member.txt".
CREATE TABLE sources (
    id $ID,
    path TEXT NOT NULL UNIQUE,
    work_id BIGINT NOT NULL REFERENCES works (id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,
    format TEXT,
    encoding TEXT,
    size BIGINT NOT NULL,
    mtime DOUBLE PRECISION,
    imported_at TEXT NOT NULL
);
CREATE INDEX sources_content_hash ON sources (content_hash);
CREATE INDEX sources_work ON sources (work_id);

-- The user's wrangling corrections (ficshelf.wrangle.rules.Rule). They belong to the user, not
-- to any work, so they survive re-imports and deletes. A variant has one synonym/merge/rename
-- target (the store replaces it); a tag may have several parents.
CREATE TABLE wrangle_rules (
    id $ID,
    kind TEXT NOT NULL CHECK (kind IN ('synonym', 'merge', 'rename', 'parent')),
    tag_type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (kind, tag_type, source, target)
);

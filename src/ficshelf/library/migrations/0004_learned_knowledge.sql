-- What the library has taught its knowledge base (ficshelf.library.kbstate): fandoms and
-- characters learned from AO3 downloads, and tag data a user loaded (`ficshelf kb load-...`).
-- Laid over the shipped knowledge base whenever works are wrangled or re-wrangled.
-- One row per name: an entry's own row has alias '' and each of its synonyms a row of its own;
-- a character's row carries its fandom ('' for the other kinds, and for unplaced characters).
CREATE TABLE kb_learned (
    id $ID,
    kind TEXT NOT NULL CHECK (kind IN ('fandom', 'character', 'freeform', 'relationship')),
    fandom TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    alias TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL,
    learned_at TEXT NOT NULL,
    UNIQUE (kind, fandom, name, alias)
);

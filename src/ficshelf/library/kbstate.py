"""The library's own knowledge: what it learned, laid over the knowledge base shipped with ficshelf.

Two things grow it, and both are kept in the ``kb_learned`` table so they outlive the process:
- every import that adds AO3 downloads (AO3's wrangled names say which characters belong to
  which fandom: ``ficshelf.wrangle.learn.learn_from_works``);
- tag data the user loads (``ficshelf kb load-ao3-dump`` / ``load-table``).

:func:`knowledge_base` is the knowledge base every import and re-wrangle of this library uses.
Only names are kept (fandoms, characters with their fandom, freeform and relationship
synonyms, and their aliases); the loaders and the learner produce nothing else.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ficshelf.library.db import Connection, Database, utc_now
from ficshelf.library.library import Library
from ficshelf.model import RawWork, TagType
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import Additions, Character, Fandom, KnowledgeBase
from ficshelf.wrangle.learn import learn_from_works
from ficshelf.wrangle.loaders import UNPLACED_FANDOM, load_ao3_tag_dump, load_synonym_table

FANDOM = "fandom"
CHARACTER = "character"
FREEFORM = "freeform"
RELATIONSHIP = "relationship"
_KINDS = (FANDOM, CHARACTER, FREEFORM, RELATIONSHIP)

# (kind, fandom, name, alias): one row of kb_learned; alias "" is the entry's own row.
_Row = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class KnowledgeCounts:
    """How many names of each kind (entries, and the aliases beside them)."""

    fandoms: int = 0
    characters: int = 0
    freeforms: int = 0
    relationships: int = 0
    aliases: int = 0

    def __sub__(self, other: KnowledgeCounts) -> KnowledgeCounts:
        return KnowledgeCounts(
            self.fandoms - other.fandoms,
            self.characters - other.characters,
            self.freeforms - other.freeforms,
            self.relationships - other.relationships,
            self.aliases - other.aliases,
        )

    @property
    def total(self) -> int:
        return self.fandoms + self.characters + self.freeforms + self.relationships + self.aliases


# --- the knowledge base a library wrangles with -----------------------------------------------


def knowledge_base(library: Library) -> KnowledgeBase:
    """The shipped knowledge base extended with everything this library has learned.

    Built once per open database and state of its learning (rows are only ever added, so
    their count and last id name that state): a long-running server pays it once per change.
    """
    connection = library.database.connection
    count, last = connection.execute("SELECT COUNT(*), MAX(id) FROM kb_learned").fetchone()
    if not count:
        return KnowledgeBase.default()
    state = (int(count), int(last))
    built = _built.get(library.database)
    if built is None or built[0] != state:
        built = (state, KnowledgeBase.default().extended(learned_additions(connection)))
        _built[library.database] = built
    return built[1]


# What :func:`knowledge_base` built last for each open database, and for which state.
_built: weakref.WeakKeyDictionary[Database, tuple[tuple[int, int], KnowledgeBase]] = (
    weakref.WeakKeyDictionary()
)


def learned_additions(connection: Connection) -> Additions:
    """Everything in ``kb_learned``, as the ``Additions`` it was saved from."""
    rows: list[_Row] = [
        (kind, fandom, name, alias)
        for kind, fandom, name, alias in connection.execute(
            "SELECT kind, fandom, name, alias FROM kb_learned ORDER BY id"
        )
    ]
    return _additions_from_rows(rows)


def learned_counts(connection: Connection) -> KnowledgeCounts:
    """How many entries of each kind, and aliases, the library has learned."""
    counts = dict.fromkeys(_KINDS, 0)
    aliases = 0
    for kind, is_alias, count in connection.execute(
        "SELECT kind, CASE WHEN alias = '' THEN 0 ELSE 1 END AS is_alias, COUNT(*) "
        "FROM kb_learned GROUP BY kind, is_alias"
    ):
        if is_alias:
            aliases += int(count)
        else:
            counts[kind] = int(count)
    return KnowledgeCounts(
        counts[FANDOM], counts[CHARACTER], counts[FREEFORM], counts[RELATIONSHIP], aliases
    )


# --- growing it ------------------------------------------------------------------------------


def remember(
    library: Library, additions: Additions, origin: str, kb: KnowledgeBase
) -> KnowledgeCounts:
    """Keep ``additions`` to ``kb`` (the library's) in the library, in one transaction; returns
    what was new: names ``kb`` already had count only for the aliases they gained."""
    rows = list(_rows_from_additions(additions, kb))
    with library.database.transaction() as connection:
        before = learned_counts(connection)
        connection.executemany(
            "INSERT INTO kb_learned (kind, fandom, name, alias, origin, learned_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, fandom, name, alias) DO NOTHING",
            [(*row, origin, utc_now()) for row in rows],
        )
        return learned_counts(connection) - before


def learn_from_raws(
    library: Library, raws: Iterable[RawWork], kb: KnowledgeBase | None = None
) -> KnowledgeCounts:
    """Learn from those of ``raws`` that came from AO3, in the order given."""
    raws = [raw for raw in raws if raw.origin == "ao3"]
    if not raws:
        return KnowledgeCounts()
    kb = kb if kb is not None else knowledge_base(library)
    additions = as_aliases_where_known(learn_from_works(raws, kb), kb)
    return remember(library, additions, "AO3 downloads in the library", kb)


def as_aliases_where_known(additions: Additions, kb: KnowledgeBase) -> Additions:
    """Learned characters the knowledge base already knows under another spelling of the same
    fandom ("Castiel" for "Castiel (Supernatural)") become aliases of that character instead of
    a second one: two canonical tags for one character would split its works."""
    resolver = resolver_for(kb)
    characters: list[Character] = []
    for learned in additions.characters:
        match = resolver.resolve(learned.name, frozenset({learned.fandom}))
        known = match.character
        if known is not None and known.fandom == learned.fandom and known.name != learned.name:
            characters.append(Character(known.name, known.fandom, None, (learned.name,)))
        else:
            characters.append(learned)
    return replace(additions, characters=tuple(characters))


def load_ao3_dump(library: Library, path: Path) -> KnowledgeCounts:
    """Canonical tags and synonyms from AO3's tags CSV, kept in the library."""
    kb = knowledge_base(library)
    return remember(library, load_ao3_tag_dump(path, kb), f"AO3 tag dump {path.name}", kb)


def load_table(
    library: Library, path: Path, tag_type: TagType, fandom: str = UNPLACED_FANDOM
) -> KnowledgeCounts:
    """A "canonical,synonym1,..." table of one tag type, kept in the library."""
    kb = knowledge_base(library)
    additions = load_synonym_table(path, tag_type, kb, fandom)
    return remember(library, additions, f"synonym table {path.name}", kb)


# --- Additions <-> rows ------------------------------------------------------------------------


def _rows_from_additions(additions: Additions, kb: KnowledgeBase) -> Iterator[_Row]:
    """The rows that keep ``additions``; an entry ``kb`` already has gets only its new aliases."""
    for fandom in additions.fandoms:
        known = kb.fandom_named(fandom.name) is not None
        yield from _entry_rows(FANDOM, "", fandom.name, fandom.aliases, known)
    for character in additions.characters:
        existing = kb.character_named(character.name)
        known = existing is not None and existing.fandom == character.fandom
        yield from _entry_rows(
            CHARACTER, character.fandom, character.name, character.aliases, known
        )
    for canonical, synonyms in additions.freeforms.items():
        yield from _entry_rows(FREEFORM, "", canonical, synonyms, canonical in kb.freeforms)
    for canonical, synonyms in additions.relationships.items():
        known = canonical in kb.relationships
        yield from _entry_rows(RELATIONSHIP, "", canonical, synonyms, known)


def _entry_rows(
    kind: str, fandom: str, name: str, aliases: Sequence[str], known: bool
) -> Iterator[_Row]:
    if not known:
        yield (kind, fandom, name, "")
    for alias in dict.fromkeys(aliases):
        if alias and alias != name:
            yield (kind, fandom, name, alias)


def _additions_from_rows(rows: Iterable[_Row]) -> Additions:
    entries: dict[tuple[str, str, str], list[str]] = {}
    for kind, fandom, name, alias in rows:
        aliases = entries.setdefault((kind, fandom, name), [])
        if alias:
            aliases.append(alias)
    return Additions(
        fandoms=tuple(
            Fandom(name, tuple(aliases))
            for (kind, _, name), aliases in entries.items()
            if kind == FANDOM
        ),
        characters=tuple(
            Character(name, fandom, None, tuple(aliases))
            for (kind, fandom, name), aliases in entries.items()
            if kind == CHARACTER
        ),
        freeforms={
            name: tuple(aliases) for (kind, _, name), aliases in entries.items() if kind == FREEFORM
        },
        relationships={
            name: tuple(aliases)
            for (kind, _, name), aliases in entries.items()
            if kind == RELATIONSHIP
        },
    )

"""The knowledge base: fandoms, their characters, ship portmanteaus and freeform synonyms.

All of it is data (``ficshelf/data/kb/``): one TOML file per fandom, plus ``freeforms.toml``
and ``portmanteaus.toml``. A ``KnowledgeBase`` is immutable; growing it (from AO3's tag data,
from the library's own AO3 works, from a user's tables) returns a new one via ``extended``.
Lookup dictionaries are compiled once per instance, on first use.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import IO, Any

from ficshelf import __version__
from ficshelf.cache import cached_file
from ficshelf.errors import FicshelfError
from ficshelf.vocab import fold
from ficshelf.wrangle.families import FamilyTables, family_tables
from ficshelf.wrangle.name_parts import NameParts, Person, parts_table
from ficshelf.wrangle.names import NameKeys, compact_key, keys_for, name_key, sound_key
from ficshelf.wrangle.written import name_words

# Fewer characters than this in a section of a fandom file do not make a cast with extras.
_MIN_CAST = 20
_GENDERS = {"male": "m", "female": "f", "other": None}


class KnowledgeBaseError(FicshelfError):
    """A knowledge-base file that cannot be read; names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Fandom:
    name: str
    aliases: tuple[str, ...] = ()
    family_name_first: bool = False
    numbers: Mapping[str, str] = field(default_factory=dict)
    family_names: Mapping[str, str] = field(default_factory=dict)
    """Whom a family name written alone means, by name key ("malfoy" -> "Draco Malfoy")."""
    group_parents: Mapping[str, str] = field(default_factory=dict)
    """The larger group each group belongs to ("Gryffindor Students" -> "Hogwarts Students")."""
    group_members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The members of a group of friends ("Golden Trio (Harry Potter)" -> Harry, Hermione,
    Ron): as a relationship tag, the group is their friendship."""


@dataclass(frozen=True, slots=True)
class Character:
    """A canonical character. ``gender`` ("m"/"f"/None) lets categories be inferred; a group
    ("Slytherin Students") has ``keywords`` that catch the many ways people write it. ``kin``
    pairs a kind of relative or pet with the one canonical character it is ("mother", "Hope
    Lupin"), so "Remus Lupin's mum" can be read. ``fanon_given`` and ``fanon_families`` are
    the other given and family names fan fiction gives the character ("Hadrian", "Black"),
    which combine with each other and with the character's own ("Hadrian Black", "Harry
    Snape")."""

    name: str
    fandom: str
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    kin: tuple[tuple[str, str], ...] = ()
    fanon_given: tuple[str, ...] = ()
    fanon_families: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Portmanteau:
    word: str
    fandom: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Additions:
    """What a loader or the learner adds to a knowledge base."""

    fandoms: tuple[Fandom, ...] = ()
    characters: tuple[Character, ...] = ()
    portmanteaus: tuple[Portmanteau, ...] = ()
    freeforms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    relationships: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CharacterIndex:
    """Compiled lookups from a name key to character ids (positions in ``characters``)."""

    characters: tuple[Character, ...]
    strong: Mapping[str, frozenset[int]]
    derived: Mapping[str, frozenset[int]]
    weak: Mapping[str, frozenset[int]]
    given: Mapping[str, frozenset[int]]
    initials: Mapping[str, frozenset[int]]
    family: Mapping[str, frozenset[int]]
    unnamed: frozenset[int]
    compact: Mapping[str, frozenset[int]]
    compact_strong: Mapping[str, frozenset[int]]
    sound: Mapping[str, frozenset[int]]
    prefixes: Mapping[str, frozenset[int]]
    by_fandom: Mapping[str, tuple[int, ...]]
    by_name: Mapping[str, int]
    families: FamilyTables
    parts: NameParts


class KnowledgeBase:
    """Everything the wrangler knows about names; immutable once built."""

    def __init__(
        self,
        fandoms: Iterable[Fandom] = (),
        characters: Iterable[Character] = (),
        portmanteaus: Iterable[Portmanteau] = (),
        freeforms: Mapping[str, tuple[str, ...]] | None = None,
        relationships: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.fandoms: tuple[Fandom, ...] = _unique_by_name(fandoms)
        self.characters: tuple[Character, ...] = _unique_characters(characters)
        self.portmanteaus: tuple[Portmanteau, ...] = tuple(portmanteaus)
        self.freeforms: Mapping[str, tuple[str, ...]] = dict(freeforms or {})
        self.relationships: Mapping[str, tuple[str, ...]] = dict(relationships or {})

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The knowledge base shipped with ficshelf (loaded once per process)."""
        return _default_kb()

    def extended(self, additions: Additions) -> KnowledgeBase:
        """A new knowledge base with ``additions`` merged in (existing entries win)."""
        return KnowledgeBase(
            fandoms=self.fandoms + additions.fandoms,
            characters=self.characters + additions.characters,
            portmanteaus=self.portmanteaus + additions.portmanteaus,
            freeforms=_merge_synonyms(self.freeforms, additions.freeforms),
            relationships=_merge_synonyms(self.relationships, additions.relationships),
        )

    # -- fandoms ---------------------------------------------------------------------------

    @functools.cached_property
    def _fandom_lookup(self) -> Mapping[str, Fandom]:
        lookup: dict[str, Fandom] = {}
        for fandom in self.fandoms:
            lookup.setdefault(fold(fandom.name), fandom)
        for fandom in self.fandoms:
            for alias in fandom.aliases:
                lookup.setdefault(fold(alias), fandom)
        return lookup

    def fandom(self, written: str) -> Fandom | None:
        """The fandom a written name or alias stands for ("HP", "Naruto Shippuden")."""
        return self._fandom_lookup.get(fold(written))

    def fandom_named(self, name: str) -> Fandom | None:
        return self._fandom_lookup.get(fold(name))

    @functools.cached_property
    def fandom_keys(self) -> frozenset[str]:
        """Name keys of every fandom name and alias (to recognise "(Harry Potter)" asides)."""
        keys = {name_key(f.name) for f in self.fandoms}
        keys.update(name_key(a) for f in self.fandoms for a in f.aliases)
        return frozenset(keys)

    # -- freeforms and relationships ------------------------------------------------------------

    @functools.cached_property
    def _freeform_lookup(self) -> Mapping[str, str]:
        return _synonym_lookup(self.freeforms)

    def freeform(self, written: str) -> str | None:
        """The canonical freeform a written tag folds to ("AU" -> "Alternate Universe")."""
        return self._freeform_lookup.get(fold(written))

    @functools.cached_property
    def _relationship_lookup(self) -> Mapping[str, str]:
        return _synonym_lookup(self.relationships)

    def relationship(self, written: str) -> str | None:
        """A relationship synonym recorded from tag data, else None."""
        return self._relationship_lookup.get(fold(written))

    @functools.cached_property
    def _portmanteau_lookup(self) -> Mapping[str, tuple[Portmanteau, ...]]:
        lookup: dict[str, list[Portmanteau]] = defaultdict(list)
        for ship in self.portmanteaus:
            lookup[fold(ship.word)].append(ship)
        return {key: tuple(ships) for key, ships in lookup.items()}

    def portmanteau(self, written: str) -> tuple[Portmanteau, ...]:
        return self._portmanteau_lookup.get(fold(written), ())

    # -- characters ---------------------------------------------------------------------------

    @functools.cached_property
    def index(self) -> CharacterIndex:
        """Character lookups, compiled on first use."""
        return _build_index(self)

    @functools.cached_property
    def standing(self) -> Mapping[tuple[str, str], float]:
        """How far down its fandom's cast each character comes, by (fandom, name): 0 for the
        first of its section (men, women, others) in the fandom file, which lists the leads
        first, to near 1 for the last; in a short section, the second of three is not far
        down anything."""
        sections: dict[tuple[str, str | None, bool], list[Character]] = defaultdict(list)
        for character in self.characters:
            sections[(character.fandom, character.gender, bool(character.keywords))].append(
                character
            )
        return {
            (c.fandom, c.name): position / max(len(members), _MIN_CAST)
            for members in sections.values()
            for position, c in enumerate(members)
        }

    def character_named(self, name: str) -> Character | None:
        position = self.index.by_name.get(name)
        return None if position is None else self.characters[position]


def _unique_by_name(fandoms: Iterable[Fandom]) -> tuple[Fandom, ...]:
    seen: dict[str, Fandom] = {}
    for fandom in fandoms:
        seen.setdefault(fandom.name, fandom)
    return tuple(seen.values())


def _unique_characters(characters: Iterable[Character]) -> tuple[Character, ...]:
    """One entry per (fandom, name); a later entry only adds aliases, keywords and a gender."""
    seen: dict[tuple[str, str], Character] = {}
    for character in characters:
        key = (character.fandom, character.name)
        first = seen.get(key)
        if first is None:
            seen[key] = character
            continue
        seen[key] = Character(
            name=first.name,
            fandom=first.fandom,
            gender=first.gender or character.gender,
            aliases=tuple(dict.fromkeys(first.aliases + character.aliases)),
            keywords=tuple(dict.fromkeys(first.keywords + character.keywords)),
            anchors=tuple(dict.fromkeys(first.anchors + character.anchors)),
            kin=first.kin + tuple(k for k in character.kin if k not in first.kin),
            fanon_given=tuple(dict.fromkeys(first.fanon_given + character.fanon_given)),
            fanon_families=tuple(dict.fromkeys(first.fanon_families + character.fanon_families)),
        )
    return tuple(seen.values())


def _merge_synonyms(
    old: Mapping[str, tuple[str, ...]], new: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    merged = dict(old)
    for canonical, synonyms in new.items():
        merged[canonical] = tuple(dict.fromkeys(merged.get(canonical, ()) + synonyms))
    return merged


def _synonym_lookup(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for canonical in table:
        lookup[fold(canonical)] = canonical
    for canonical, synonyms in table.items():
        for synonym in synonyms:
            lookup.setdefault(fold(synonym), canonical)
    return lookup


def _build_index(kb: KnowledgeBase) -> CharacterIndex:
    tables: dict[str, defaultdict[str, set[int]]] = {
        name: defaultdict(set)
        for name in (
            "strong",
            "derived",
            "weak",
            "given",
            "initials",
            "family",
            "compact",
            "compact_strong",
            "sound",
            "prefixes",
        )
    }
    by_fandom: defaultdict[str, list[int]] = defaultdict(list)
    by_name: dict[str, int] = {}
    fandom_keys = kb.fandom_keys
    family_first = {f.name for f in kb.fandoms if f.family_name_first}
    titles = frozenset(name_words().titles)
    unnamed: set[int] = set()
    for position, character in enumerate(kb.characters):
        by_fandom[character.fandom].append(position)
        by_name.setdefault(character.name, position)
        keys = keys_for(
            character.name,
            character.aliases,
            character.fandom in family_first,
            fandom_keys,
            titles,
        )
        if character.keywords:
            keys = NameKeys(keys.strong, frozenset(), frozenset(), frozenset(), frozenset())
        _index_keys(tables, position, keys)
        if keys.unnamed:
            unnamed.add(position)
    kin = _kin_ids(kb.characters, by_name)
    people = (
        Person(
            position=i,
            name=c.name,
            aliases=c.aliases,
            fanon_given=c.fanon_given,
            fanon_families=c.fanon_families,
            kin=kin.get(i, ()),
            family_name_first=c.fandom in family_first,
        )
        for i, c in enumerate(kb.characters)
        if not c.keywords
    )
    return CharacterIndex(
        characters=kb.characters,
        by_fandom={k: tuple(v) for k, v in by_fandom.items()},
        by_name=by_name,
        unnamed=frozenset(unnamed),
        families=family_tables(kin, tables["given"], tables["family"]),
        parts=parts_table(people),
        **{name: _freeze(table) for name, table in tables.items()},
    )


def _kin_ids(
    characters: tuple[Character, ...], by_name: Mapping[str, int]
) -> dict[int, tuple[tuple[str, int], ...]]:
    """Each character's kin as (kind, id), kin of the same fandom only."""
    found: dict[int, tuple[tuple[str, int], ...]] = {}
    for position, character in enumerate(characters):
        ties = []
        for kind, name in character.kin:
            other = by_name.get(name)
            if other is not None and characters[other].fandom == character.fandom:
                ties.append((kind, other))
        if ties:
            found[position] = tuple(ties)
    return found


def _index_keys(
    tables: dict[str, defaultdict[str, set[int]]], position: int, keys: NameKeys
) -> None:
    for key in keys.strong:
        tables["strong"][key].add(position)
        tables["compact"][compact_key(key)].add(position)
        tables["compact_strong"][compact_key(key)].add(position)
        tables["sound"][sound_key(key)].add(position)
    for key in keys.derived:
        tables["derived"][key].add(position)
        tables["compact"][compact_key(key)].add(position)
    for key in keys.weak:
        tables["weak"][key].add(position)
    for key in keys.given:
        tables["given"][key].add(position)
    for key in keys.initials:
        tables["initials"][key].add(position)
    for key in keys.family:
        tables["family"][key].add(position)
    for token in {t for key in keys.strong | keys.derived | keys.weak for t in key.split()}:
        for end in range(3, len(token) + 1):
            tables["prefixes"][token[:end]].add(position)


def _freeze(table: Mapping[str, set[int]]) -> dict[str, frozenset[int]]:
    return {key: frozenset(ids) for key, ids in table.items()}


# -- loading package data ----------------------------------------------------------------------


@functools.cache
def _default_kb() -> KnowledgeBase:
    """The shipped knowledge base with its lookups built. Building them takes most of a
    second with 4,000 characters, so the built base is kept in the cache folder, named after
    a digest of the data and of the code that builds it; any change makes a new one."""
    root = resources.files("ficshelf.data").joinpath("kb")
    try:
        path = cached_file(f"kb-{_digest(root)}.pickle", lambda out: _write_built(root, out))
        with path.open("rb") as handle:
            kb = pickle.load(handle)
        if isinstance(kb, KnowledgeBase):
            return kb
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # an unwritable cache, or a file from elsewhere: build it here
    return _built(root)


def _built(root: Traversable) -> KnowledgeBase:
    kb = load_directory(root)
    _ = kb.index
    return kb


def _write_built(root: Traversable, out: IO[bytes]) -> None:
    pickle.dump(_built(root), out, protocol=pickle.HIGHEST_PROTOCOL)


def _digest(root: Traversable) -> str:
    """What the built knowledge base is made from: every data file under ``root`` and the
    wrangle package's code (names and bytes), and ficshelf's version."""
    digest = hashlib.sha256(__version__.encode())
    code = resources.files("ficshelf.wrangle")
    for folder in (root, root.joinpath("fandoms"), code):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".toml", ".txt", ".py")):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def load_directory(root: Traversable) -> KnowledgeBase:
    """Load a knowledge-base folder laid out like ``ficshelf/data/kb``."""
    fandoms: list[Fandom] = []
    characters: list[Character] = []
    for entry in sorted(root.joinpath("fandoms").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            fandom, cast = parse_fandom_file(_read_toml(entry), entry.name)
            fandoms.append(fandom)
            characters.extend(cast)
    freeforms = _read_toml(root.joinpath("freeforms.toml"))
    ships = _read_toml(root.joinpath("portmanteaus.toml"))
    return KnowledgeBase(
        fandoms=fandoms,
        characters=characters,
        portmanteaus=_parse_portmanteaus(ships),
        freeforms={name: tuple(synonyms) for name, synonyms in freeforms.items()},
    )


def _read_toml(entry: Traversable) -> dict[str, Any]:
    try:
        return tomllib.loads(entry.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise KnowledgeBaseError(f"{entry.name}: {error}") from error


def parse_fandom_file(data: Mapping[str, Any], source: str) -> tuple[Fandom, list[Character]]:
    """One fandom file: name, aliases, family_name_first, numbers, characters by gender, groups
    (keywords), group anchors (a word that names the group beside a word for people), group
    parents (the larger group each belongs to), group members (of a group of friends), kin
    (each character's one mother, father, owl...) and fanon names (other given and family
    names fan fiction gives a character)."""
    if "name" not in data:
        raise KnowledgeBaseError(f"{source}: no fandom name")
    name = str(data["name"])
    fandom = Fandom(
        name=name,
        aliases=tuple(data.get("aliases", ())),
        family_name_first=bool(data.get("family_name_first", False)),
        numbers={str(k): str(v) for k, v in data.get("numbers", {}).items()},
        family_names={name_key(k): str(v) for k, v in data.get("family_names", {}).items()},
        group_parents={
            str(member): str(parent)
            for parent, members in data.get("group_parents", {}).items()
            for member in members
        },
        group_members={
            str(group): tuple(str(m) for m in members)
            for group, members in data.get("group_members", {}).items()
        },
    )
    cast: list[Character] = []
    kin = data.get("kin", {})
    fanon = data.get("fanon", {})
    for gender_label, table in data.get("characters", {}).items():
        if gender_label not in _GENDERS:
            raise KnowledgeBaseError(f"{source}: unknown character section {gender_label!r}")
        for character, aliases in table.items():
            relatives = tuple((str(k), str(v)) for k, v in kin.get(character, {}).items())
            names = fanon.get(character, {})
            cast.append(
                Character(
                    character,
                    name,
                    _GENDERS[gender_label],
                    tuple(aliases),
                    kin=relatives,
                    fanon_given=tuple(str(g) for g in names.get("given", ())),
                    fanon_families=tuple(str(f) for f in names.get("family", ())),
                )
            )
    known = {c.name for c in cast}
    for section, table in (("kin", kin), ("fanon", fanon)):
        unknown = set(table) - known
        if unknown:
            raise KnowledgeBaseError(f"{source}: {section} of unknown characters {sorted(unknown)}")

    anchors = data.get("group_anchors", {})
    for group, keywords in data.get("groups", {}).items():
        cast.append(
            Character(group, name, None, (), tuple(keywords), tuple(anchors.get(group, ())))
        )
    unknown = set(fandom.family_names.values()) - {c.name for c in cast}
    if unknown:
        raise KnowledgeBaseError(f"{source}: family names of unknown characters {sorted(unknown)}")
    groups = {c.name for c in cast if c.keywords}
    unknown = (set(fandom.group_parents) | set(fandom.group_parents.values())) - groups
    if unknown:
        raise KnowledgeBaseError(f"{source}: group parents name unknown groups {sorted(unknown)}")
    people = {c.name for c in cast if not c.keywords}
    named = {m for members in fandom.group_members.values() for m in members}
    unknown = (set(fandom.group_members) - groups) | (named - people)
    if unknown:
        raise KnowledgeBaseError(f"{source}: group members name unknown ones {sorted(unknown)}")
    return fandom, cast


def _parse_portmanteaus(data: Mapping[str, Any]) -> list[Portmanteau]:
    ships: list[Portmanteau] = []
    for fandom, table in data.items():
        for word, members in table.items():
            ships.append(Portmanteau(word, fandom, tuple(members)))
    return ships

"""Grow a knowledge base from published tag data.

- AO3's tag dump (the 2021 dump's tags CSV: ``id,type,name,canonical,cached_count,merger_id``;
  a row whose ``merger_id`` is set is a synonym of the tag with that id),
- "canonical,synonym1,synonym2,..." tables (one canonical tag per row, its synonyms after it).

Both return ``Additions``; ``kb.extended(additions)`` makes the grown knowledge base. Characters
already known keep their fandom and gain the new names as aliases.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from ficshelf.errors import UnreadableFile
from ficshelf.model import TagType
from ficshelf.wrangle.kb import Additions, Character, Fandom, KnowledgeBase

UNPLACED_FANDOM = ""
_DUMP_COLUMNS = ("id", "type", "name", "canonical", "merger_id")
_DUMP_TYPES = {
    "Fandom": TagType.FANDOM,
    "Character": TagType.CHARACTER,
    "Relationship": TagType.RELATIONSHIP,
    "Freeform": TagType.FREEFORM,
}
_TABLE_HEADERS = frozenset({"canonical", "canonical_tag", "canonical tag", "tag"})


def load_ao3_tag_dump(path: Path, kb: KnowledgeBase) -> Additions:
    """Canonical tags and their synonyms from an AO3 tags CSV."""
    names: dict[str, tuple[TagType, str]] = {}
    merges: list[tuple[str, str]] = []
    for row in _dump_rows(path):
        tag_type = _DUMP_TYPES.get(row["type"])
        if tag_type is None:
            continue
        names[row["id"]] = (tag_type, row["name"])
        if row.get("merger_id"):
            merges.append((row["id"], row["merger_id"]))
    synonyms: dict[tuple[TagType, str], list[str]] = defaultdict(list)
    for tag_id, merger_id in merges:
        if merger_id in names and names[merger_id][0] == names[tag_id][0]:
            synonyms[names[merger_id]].append(names[tag_id][1])
    return _additions(synonyms, kb)


def load_synonym_table(
    path: Path, tag_type: TagType, kb: KnowledgeBase, fandom: str = UNPLACED_FANDOM
) -> Additions:
    """A "canonical,synonym1,..." table of one tag type; new characters go to ``fandom``."""
    synonyms: dict[tuple[TagType, str], list[str]] = defaultdict(list)
    for row in _table_rows(path):
        canonical, rest = row[0].strip(), [cell.strip() for cell in row[1:] if cell.strip()]
        if canonical:
            synonyms[(tag_type, canonical)].extend(rest)
    return _additions(synonyms, kb, fandom)


def _dump_rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _DUMP_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise UnreadableFile(str(path), f"not an AO3 tag dump: no {', '.join(missing)}")
            yield from reader
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(path), f"cannot read tag CSV: {error}") from error


def _table_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.reader(handle)):
                if not row or (number == 0 and row[0].strip().casefold() in _TABLE_HEADERS):
                    continue
                yield row
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(path), f"cannot read synonym table: {error}") from error


def _additions(
    synonyms: Mapping[tuple[TagType, str], list[str]],
    kb: KnowledgeBase,
    fandom: str = UNPLACED_FANDOM,
) -> Additions:
    fandoms: list[Fandom] = []
    characters: list[Character] = []
    freeforms: dict[str, tuple[str, ...]] = {}
    relationships: dict[str, tuple[str, ...]] = {}
    for (tag_type, canonical), names in synonyms.items():
        aliases = tuple(dict.fromkeys(names))
        if tag_type is TagType.FANDOM:
            known = kb.fandom_named(canonical)
            fandoms.append(Fandom(known.name if known else canonical, aliases))
        elif tag_type is TagType.CHARACTER:
            known_character = kb.character_named(canonical)
            home = known_character.fandom if known_character else fandom
            characters.append(Character(canonical, home, None, aliases))
        elif tag_type is TagType.FREEFORM:
            freeforms[canonical] = aliases
        else:
            relationships[canonical] = aliases
    return Additions(
        fandoms=tuple(fandoms),
        characters=tuple(characters),
        freeforms=freeforms,
        relationships=relationships,
    )

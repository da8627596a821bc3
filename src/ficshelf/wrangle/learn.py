"""The library teaches itself: AO3 works carry AO3's wrangled names, so every AO3 work in the
library tells us which characters belong to which fandom. Those associations, added to the
knowledge base, help place the untagged plain-text files that name only characters.

Only single-fandom works teach character-fandom links (a crossover cannot say whose is whose).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ficshelf.model import RawWork
from ficshelf.wrangle.kb import Additions, Character, Fandom, KnowledgeBase

_AO3_PAIRING = re.compile(r"\s*/\s*|\s+&\s+")


def learn_from_works(works: Iterable[RawWork], kb: KnowledgeBase) -> Additions:
    """Fandoms, characters (with their fandom) and relationship names the KB did not know."""
    fandoms: dict[str, Fandom] = {}
    characters: dict[tuple[str, str], Character] = {}
    relationships: dict[str, tuple[str, ...]] = {}
    for work in works:
        if work.origin != "ao3":
            continue
        names = [_fandom_name(written, kb) for written in work.fandoms]
        for name in names:
            if kb.fandom_named(name) is None:
                fandoms.setdefault(name, Fandom(name))
        for relationship in work.relationships:
            if kb.relationship(relationship) is None:
                relationships.setdefault(relationship.strip(), ())
        if len(names) != 1:
            continue
        for person in _people(work):
            if not _known_in(person, names[0], kb):
                characters.setdefault((names[0], person), Character(person, names[0]))
    return Additions(
        fandoms=tuple(fandoms.values()),
        characters=tuple(characters.values()),
        relationships=relationships,
    )


def _fandom_name(written: str, kb: KnowledgeBase) -> str:
    known = kb.fandom(written)
    return known.name if known else written.strip()


def _people(work: RawWork) -> list[str]:
    people = [c.strip() for c in work.characters]
    for relationship in work.relationships:
        people.extend(p.strip() for p in _AO3_PAIRING.split(relationship))
    return [p for p in dict.fromkeys(people) if p]


def _known_in(person: str, fandom: str, kb: KnowledgeBase) -> bool:
    character = kb.character_named(person)
    return character is not None and character.fandom == fandom

"""A suggestion for a tag the wrangler could not place: the closest known name of its type.

Shown beside ``ficshelf tags --unwrangled`` so a typo ("Alternate Iniverse") or a spelling the
knowledge base lacks points the user at the ``ficshelf wrangle ... --to`` that fixes it. Only a
close match is offered: a wrong suggestion costs the user more than none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process, utils

from ficshelf.model import TagType
from ficshelf.wrangle.kb import KnowledgeBase

# token_sort_ratio on lower-cased words: 90 accepts a dropped or doubled letter in a
# two-word name and word order swaps, and refuses names that merely share a word.
_MIN_SCORE = 90


def known_names(kb: KnowledgeBase, tag_type: str) -> list[str]:
    """The canonical names of one tag type that the knowledge base knows."""
    if tag_type == TagType.FANDOM:
        return [fandom.name for fandom in kb.fandoms]
    if tag_type == TagType.CHARACTER:
        return [character.name for character in kb.characters]
    if tag_type == TagType.FREEFORM:
        return list(kb.freeforms)
    if tag_type == TagType.RELATIONSHIP:
        return list(kb.relationships)
    return []


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``name`` if it is close enough, else None."""
    choices: Sequence[str] = [c for c in dict.fromkeys(candidates) if c != name]
    if not choices:
        return None
    found = process.extractOne(
        name,
        choices,
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
        score_cutoff=_MIN_SCORE,
    )
    return None if found is None else str(found[0])

"""Free-text warning lines: archive warnings, categories, freeforms, and what is none of these.

A header's "Warnings:" line mixes AO3's closed vocabularies with free tags, filler, pleas to
the reader and remarks about the story. ``read_warning_lines`` sorts each piece:

- archive warnings ("non-con" -> Rape/Non-Con; "torture" -> Graphic Depictions Of Violence
  and stays the freeform "Torture"), categories ("YAOI, Slash" -> M/M),
- known freeforms ("AU" -> Alternate Universe), and unknown ones kept as written,
- pleas ("If you don't like ... don't read", "no flames", "Thank you"): dropped with the rest
  of their sentence,
- filler ("um lets see", "uh", "well"): dropped,
- ages ("Sasuke is 18") and remarks ("Sasuke has not yet betrayed his team"): kept as notes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ficshelf.model import Category, TagRef, TagType, Warning
from ficshelf.vocab import (
    category_from,
    chatter,
    fold,
    freeform_beside_warning,
    warning_from,
    words,
)
from ficshelf.wrangle.freeforms import known_freeform, strip_filler, wrangle_freeform
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.names import split_asides
from ficshelf.wrangle.rules import Rule

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|[.!?]+$")
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_SEGMENT_OR_BRACKET = re.compile(r"[()\[\]{}]|\s*(?:[,;:]|\band\b|\s&\s)\s*", re.IGNORECASE)
_NOT_MAJOR = re.compile(r"\b(?:not major|minor|not a main|side)\b", re.IGNORECASE)
_AGE = re.compile(
    r"^[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?(?:\s(?:is|was|are|were|turns))?[\s:,]*"
    r"(?:about\s|around\s)?\d{1,3}(?:\s?(?:years old|yrs|yo|y/o))?$"
)
_T = TypeVar("_T")
_MIN_REMARK_WORDS = 4
_MAX_TAG_WORDS = 6


@dataclass(slots=True)
class WarningReading:
    """What a set of free-text warning lines turned out to say."""

    warnings: list[Warning] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    freeforms: list[TagRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def read_warning_lines(
    lines: Iterable[str], kb: KnowledgeBase, rules: Sequence[Rule] = ()
) -> WarningReading:
    reading = WarningReading()
    for line in lines:
        for sentence in _sentences(line):
            _read_sentence(sentence, kb, rules, reading)
    return reading


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(line) if s and s.strip()]


def _is_plea(text: str) -> bool:
    lowered = text.casefold().replace("’", "'")
    return lowered.startswith("if ") or any(plea in lowered for plea in chatter().pleas)


def _read_sentence(
    sentence: str, kb: KnowledgeBase, rules: Sequence[Rule], reading: WarningReading
) -> None:
    segments = _segments(sentence)
    for position, segment in enumerate(segments):
        if _is_plea(segment):
            reading.dropped.append(", ".join(segments[position:]))
            return
        _read_segment(segment.strip(), kb, rules, reading)


def _segments(sentence: str) -> list[str]:
    """The pieces of a sentence between separators, never cutting inside an aside:
    "violence (an old mission, remembered)" is one piece."""
    pieces: list[str] = []
    depth = start = 0
    for match in _SEGMENT_OR_BRACKET.finditer(sentence):
        token = match.group()
        if token in _OPENING:
            depth += 1
        elif token in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(sentence[start : match.start()])
            start = match.end()
    pieces.append(sentence[start:])
    return [piece for piece in pieces if piece.strip()]


def _read_segment(
    segment: str, kb: KnowledgeBase, rules: Sequence[Rule], reading: WarningReading
) -> None:
    base, asides = split_asides(segment)
    base = base.strip(" .!?\"'")
    if not base or fold(base) in chatter().phrases:
        reading.dropped.append(segment)
        return
    if warning_from(base) is Warning.MCD and any(map(_NOT_MAJOR.search, asides)):
        # "character death (not major)": a death, but not the archive warning's
        minor = wrangle_freeform(f"minor {base}", kb, rules)
        reading.freeforms.append(dataclasses.replace(minor, written=segment.strip()))
        return
    for candidate in dict.fromkeys((base, strip_filler(base))):
        if _read_vocabulary(candidate, kb, reading, segment) or _read_category_then_tag(
            candidate, kb, reading, segment
        ):
            return
    if _AGE.match(base) or _is_remark(base):
        reading.notes.append(base)
        return
    reading.freeforms.append(wrangle_freeform(base, kb, rules))


def _read_vocabulary(
    candidate: str, kb: KnowledgeBase, reading: WarningReading, written: str
) -> bool:
    warning = warning_from(candidate)
    if warning is not None:
        _add(reading.warnings, warning)
        beside = freeform_beside_warning(candidate)
        if beside is not None:
            reading.freeforms.append(
                TagRef(TagType.FREEFORM, beside, written, f"also the archive warning {warning}")
            )
        return True
    category = category_from(candidate)
    if category is not None:
        _add(reading.categories, category)
        return True
    found = known_freeform(candidate, kb)
    if found is not None:
        reading.freeforms.append(TagRef(TagType.FREEFORM, found[0], written, found[1]))
        return True
    return False


def _read_category_then_tag(
    candidate: str, kb: KnowledgeBase, reading: WarningReading, written: str
) -> bool:
    """ "shounen-ai fluff", "slash angst": a category word, then a tag we know."""
    head, _, tail = candidate.partition(" ")
    category = category_from(head)
    if category is None or not tail or not _read_vocabulary(tail, kb, reading, written):
        return False
    _add(reading.categories, category)
    return True


def _is_remark(text: str) -> bool:
    tokens = words(text)
    if len(tokens) > _MAX_TAG_WORDS:
        return True
    return len(tokens) >= _MIN_REMARK_WORDS and any(t in chatter().remark_verbs for t in tokens)


def _add(items: list[_T], item: _T) -> None:
    if item not in items:
        items.append(item)

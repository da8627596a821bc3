"""AO3's fixed vocabularies (ratings, archive warnings, categories) and the words fans use.

The phrases live in ``data/vocab.toml``; this module folds text the same way on both sides and
answers "which rating / warning / category does this phrase name?". It also exposes the filler,
plea and remark vocabularies the wrangler uses to tell tags from chatter in free-form headers.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

from ficshelf.model import Category, Rating, Status, Warning

_NOT_FOLDED = re.compile(r"[^\w+]+")
_WORD = re.compile(r"[\w'’+/-]+")
_E = TypeVar("_E", Rating, Warning, Category, Status)


def fold(text: str) -> str:
    """Fold a phrase for vocabulary lookup: case, spacing and punctuation ignored, "+" kept."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("_", "")
    return _NOT_FOLDED.sub("", text)


def words(text: str) -> tuple[str, ...]:
    """Lower-cased words of a phrase, apostrophes and inner slashes/hyphens kept."""
    return tuple(w.casefold().replace("’", "'") for w in _WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Chatter:
    """Words in a header that are never tags: filler, pleas to the reader, story remarks."""

    phrases: frozenset[str]
    leading: Mapping[str, tuple[tuple[str, ...], ...]]
    trailing: Mapping[str, tuple[tuple[str, ...], ...]]
    pleas: tuple[str, ...]
    remark_verbs: frozenset[str]
    empty_words: frozenset[str]
    modifiers: Mapping[str, str]
    freeform_asides: frozenset[str] = frozenset()
    freeform_aside_phrases: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class _Vocab:
    ratings: Mapping[str, Rating]
    warnings: Mapping[str, Warning]
    categories: Mapping[str, Category]
    statuses: Mapping[str, Status]
    also_freeform: Mapping[str, str]
    chatter: Chatter


def _phrase_table(table: Mapping[str, list[str]], kind: type[_E]) -> dict[str, _E]:
    lookup: dict[str, _E] = {}
    for value, phrases in table.items():
        member = kind(value)
        lookup[fold(value)] = member
        for phrase in phrases:
            lookup.setdefault(fold(phrase), member)
    return lookup


def _by_edge_word(phrases: list[str], edge: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples, grouped by their first (edge=0) or last (edge=-1) word,
    longest first, so stripping looks at a handful of phrases instead of all of them."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in {words(p) for p in phrases if words(p)}:
        grouped.setdefault(phrase[edge], []).append(phrase)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}


@functools.cache
def _vocab() -> _Vocab:
    text = resources.files("ficshelf.data").joinpath("vocab.toml").read_text("utf-8")
    data = tomllib.loads(text)
    filler = data["filler"]
    return _Vocab(
        ratings=_phrase_table(data["ratings"], Rating),
        warnings=_phrase_table(data["warnings"], Warning),
        categories=_phrase_table(data["categories"], Category),
        statuses=_phrase_table(data["status"], Status),
        also_freeform={fold(k): v for k, v in data["warnings_also_freeform"].items()},
        chatter=Chatter(
            phrases=frozenset(fold(p) for p in filler["phrases"]),
            leading=_by_edge_word(filler["leading"] + filler["phrases"], 0),
            trailing=_by_edge_word(filler["trailing"] + filler["phrases"], -1),
            pleas=tuple(p.casefold() for p in filler["pleas"]),
            remark_verbs=frozenset(filler["remark_verbs"]),
            empty_words=frozenset(w.casefold() for w in filler["empty_words"]),
            modifiers={
                word.casefold(): kind
                for kind, members in filler["modifiers"].items()
                for word in members
            },
            freeform_asides=frozenset(w.casefold() for w in filler["freeform_asides"]),
            freeform_aside_phrases=tuple(
                words(p) for p in filler["freeform_aside_phrases"] if words(p)
            ),
        ),
    )


def rating_from(stated: str | None) -> Rating | None:
    """The AO3 rating a stated rating names ("PG-13", "Fiction T", "NC-17 for sex"), else None."""
    if stated is None or not stated.strip():
        return None
    ratings = _vocab().ratings
    for candidate in _rating_candidates(stated):
        found = ratings.get(fold(candidate))
        if found is not None:
            return found
    return None


def _rating_candidates(stated: str) -> list[str]:
    text = re.sub(r"^\s*(rated|rating)\s*[:\-]?\s*", "", stated.strip(), flags=re.IGNORECASE)
    before_aside = re.split(r"[(\[,;:]| - | for ", text, maxsplit=1)[0]
    tokens = text.split()
    candidates = [text, before_aside]
    if tokens:
        candidates.append(tokens[0])
        if tokens[0].casefold() == "fiction" and len(tokens) > 1:
            candidates.append(tokens[1])
    return candidates


def warning_from(phrase: str) -> Warning | None:
    """The archive warning a phrase names ("noncon", "MCD", "gore"), else None."""
    return _vocab().warnings.get(fold(phrase))


def category_from(phrase: str) -> Category | None:
    """The category a phrase names ("yaoi", "het", "femslash", "M/M Coupling"), else None."""
    return _vocab().categories.get(fold(phrase))


def freeform_beside_warning(phrase: str) -> str | None:
    """A warning phrase that also stays a freeform ("torture" -> "Torture"), else None."""
    return _vocab().also_freeform.get(fold(phrase))


def status_from(stated: str | None) -> Status | None:
    """The work status a stated value names ("Complete", "WIP", "in-progress"), else None."""
    if stated is None:
        return None
    return _vocab().statuses.get(fold(stated))


def chatter() -> Chatter:
    """The filler, plea and remark vocabularies."""
    return _vocab().chatter

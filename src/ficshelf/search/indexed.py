"""What the filter index knows about one work, and the sort keys derived from it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from unidecode import unidecode

from ficshelf.model import Category, Rating, Warning

_WORD = re.compile(r"\w+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_NOT_SORTED_ON = re.compile(r"[^\w\s]+")
_PREFIX_BYTES = 8
MAX_ID = 2**32 - 1


@dataclass(frozen=True, slots=True)
class IndexedWork:
    """One work as the filter index sees it. Tag, author and series fields hold library ids.

    Ratings, warnings and categories are their enums rather than pseudo-tags: they are closed
    sets, and facets show them by name. ``complete`` None means the status is not known (such a
    work matches neither ``complete:yes`` nor ``complete:no``). ``author_sort`` is the name the
    work sorts under for ``sort:author`` (its first author as shown).
    """

    id: int
    title: str = ""
    rating: Rating = Rating.NOT_RATED
    warnings: frozenset[Warning] = frozenset()
    categories: frozenset[Category] = frozenset()
    fandoms: frozenset[int] = frozenset()
    relationships: frozenset[int] = frozenset()
    characters: frozenset[int] = frozenset()
    freeforms: frozenset[int] = frozenset()
    words: int = 0
    chapters: int = 1
    published: dt.date | None = None
    updated: dt.date | None = None
    language: str | None = None
    complete: bool | None = None
    authors: frozenset[int] = frozenset()
    author_sort: str = ""
    series: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not 0 <= self.id <= MAX_ID:
            raise ValueError(f"work id {self.id} does not fit the index (0..{MAX_ID})")


def title_words(text: str) -> set[str]:
    """The words ``title:`` matches: folded for case and accents."""
    return {word.casefold() for word in _WORD.findall(unidecode(text))}


def sort_text(text: str) -> str:
    """How a title or name sorts: case and accents folded, a leading English article dropped."""
    folded = " ".join(_NOT_SORTED_ON.sub(" ", unidecode(text).casefold()).split())
    return _LEADING_ARTICLE.sub("", folded)


def sort_prefix(key: str) -> int:
    """An integer that orders like ``key`` up to its first bytes (``sort_text`` is ASCII)."""
    head = key.encode("ascii", "replace")[:_PREFIX_BYTES]
    return int.from_bytes(head.ljust(_PREFIX_BYTES, b"\0"), "big")

"""The parsed form of a search query: plain frozen values, independent of any storage.

A ``Query`` is what the parser makes of the text a reader typed; the in-memory index
(``FilterIndex``) answers its filters and sort, and a database backend answers its free text
(``to_fts5`` for SQLite). Names in filters stay as typed: turning them into tag, author or
series ids is the resolver's job, so a query can be parsed before any library is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ficshelf.model import Category, TagType, Warning


@dataclass(frozen=True, slots=True)
class Interval:
    """Inclusive bounds; None means open on that side."""

    low: int | None = None
    high: int | None = None

    def contains(self, value: int) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)


class RangeField(StrEnum):
    """Fields compared as integers. Dates are proleptic ordinals (``date.toordinal()``)."""

    RATING = "rating"
    WORDS = "words"
    CHAPTERS = "chapters"
    PUBLISHED = "published"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class TagFilter:
    """Works with any of ``names``; ``type`` None means a tag of any type (``tag:``)."""

    type: TagType | None
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WarningFilter:
    warnings: tuple[Warning, ...]


@dataclass(frozen=True, slots=True)
class CategoryFilter:
    categories: tuple[Category, ...]


@dataclass(frozen=True, slots=True)
class RangeFilter:
    """Works whose ``field`` lies in any of ``intervals`` (a work without the value never does)."""

    field: RangeField
    intervals: tuple[Interval, ...]


@dataclass(frozen=True, slots=True)
class LanguageFilter:
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatusFilter:
    """``complete`` True for finished works, False for works in progress."""

    complete: bool


@dataclass(frozen=True, slots=True)
class AuthorFilter:
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeriesFilter:
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TitleFilter:
    """Works whose title contains every one of ``words`` (in any order), folded for case."""

    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IdFilter:
    ids: tuple[int, ...]


Filter = (
    TagFilter
    | WarningFilter
    | CategoryFilter
    | RangeFilter
    | LanguageFilter
    | StatusFilter
    | AuthorFilter
    | SeriesFilter
    | TitleFilter
    | IdFilter
)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of free text; ``prefix`` matches any word it starts (typed as ``rain*``)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together in this order (typed in double quotes)."""

    text: str


@dataclass(frozen=True, slots=True)
class And:
    """All of ``items``. ``Not`` items subtract; at least one item is not a ``Not``."""

    items: tuple[TextQuery, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[TextQuery, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """Only ever inside an ``And`` that has something to subtract from."""

    item: TextQuery


TextQuery = Word | Phrase | And | Or | Not


class SortKey(StrEnum):
    BEST = "best"
    WORDS = "words"
    CHAPTERS = "chapters"
    PUBLISHED = "published"
    UPDATED = "updated"
    TITLE = "title"
    AUTHOR = "author"
    RANDOM = "random"


@dataclass(frozen=True, slots=True)
class Sort:
    """``descending`` reverses the key's natural order (small to large, A to Z, old to new).

    BEST is always best match first and RANDOM has no direction, so both ignore it.
    """

    key: SortKey
    descending: bool = False


DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 1000


@dataclass(frozen=True, slots=True)
class Query:
    """A whole query. Works match every ``include`` filter and no ``exclude`` filter.

    ``text`` must match (and ranks results under ``sort:best``); works matching
    ``text_exclude`` are removed. Either may be None. ``sort`` None means the default: best
    match when there is text, else most recently updated first. ``page`` counts from 1.
    ``seed`` orders ``sort:random``; None lets the caller pick one (e.g. per session).
    """

    include: tuple[Filter, ...] = ()
    exclude: tuple[Filter, ...] = ()
    text: TextQuery | None = None
    text_exclude: TextQuery | None = None
    sort: Sort | None = None
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    seed: int | None = None

    @property
    def effective_sort(self) -> Sort:
        if self.sort is not None:
            return self.sort
        if self.text is not None:
            return Sort(SortKey.BEST)
        return Sort(SortKey.UPDATED, descending=True)

"""The obvious, slow answers the index must agree with: one Python predicate per filter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from ficshelf.search import IndexedWork, Query, Resolver
from ficshelf.search.ast import (
    AuthorFilter,
    CategoryFilter,
    Filter,
    IdFilter,
    Interval,
    LanguageFilter,
    RangeField,
    RangeFilter,
    SeriesFilter,
    StatusFilter,
    TagFilter,
    TitleFilter,
    WarningFilter,
)
from ficshelf.search.indexed import sort_text, title_words


def all_tags(work: IndexedWork) -> frozenset[int]:
    return work.fandoms | work.relationships | work.characters | work.freeforms


def range_value(work: IndexedWork, field: RangeField) -> int | None:
    match field:
        case RangeField.RATING:
            return work.rating.rank
        case RangeField.WORDS:
            return work.words
        case RangeField.CHAPTERS:
            return work.chapters
        case RangeField.PUBLISHED:
            return work.published.toordinal() if work.published else None
        case RangeField.UPDATED:
            return work.updated.toordinal() if work.updated else None


def matcher(item: Filter, resolver: Resolver) -> Callable[[IndexedWork], bool]:
    """A predicate for one filter (names resolved once, up front)."""
    match item:
        case TagFilter(type, names):
            tags = {i for name in names for i in resolver.resolve(type, name)}
            return lambda work: bool(all_tags(work) & tags)
        case WarningFilter(warnings):
            return lambda work: bool(work.warnings & set(warnings))
        case CategoryFilter(categories):
            return lambda work: bool(work.categories & set(categories))
        case RangeFilter(field, intervals):
            return lambda work: _in_range(range_value(work, field), intervals)
        case LanguageFilter(codes):
            return lambda work: work.language in codes
        case StatusFilter(complete):
            return lambda work: work.complete is complete
        case AuthorFilter(names):
            authors = {i for name in names for i in resolver.authors(name)}
            return lambda work: bool(work.authors & authors)
        case SeriesFilter(names):
            series = {i for name in names for i in resolver.series(name)}
            return lambda work: bool(work.series & series)
        case TitleFilter(words):
            return lambda work: set(words) <= title_words(work.title)
        case IdFilter(ids):
            return lambda work: work.id in ids


def _in_range(value: int | None, intervals: Iterable[Interval]) -> bool:
    return value is not None and any(interval.contains(value) for interval in intervals)


def evaluate(works: Iterable[IndexedWork], query: Query, resolver: Resolver) -> set[int]:
    include = [matcher(item, resolver) for item in query.include]
    exclude = [matcher(item, resolver) for item in query.exclude]
    return {
        work.id
        for work in works
        if all(test(work) for test in include) and not any(test(work) for test in exclude)
    }


def top_tags(
    works: Iterable[IndexedWork], field: Callable[[IndexedWork], frozenset[int]], top_n: int
) -> tuple[tuple[int, int], ...]:
    counts = Counter(tag for work in works for tag in field(work))
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top_n])


def ordered(works: Iterable[IndexedWork], key: str, descending: bool) -> list[int]:
    """Every work in ``key`` order (ties by id, descending the exact reverse), missing last."""
    value: Callable[[IndexedWork], object | None] = {
        "words": lambda w: w.words,
        "chapters": lambda w: w.chapters,
        "published": lambda w: w.published,
        "updated": lambda w: w.updated,
        "title": lambda w: sort_text(w.title),
        "author": lambda w: sort_text(w.author_sort),
    }[key]
    listed = list(works)
    present = sorted((w for w in listed if value(w) is not None), key=lambda w: (value(w), w.id))
    missing = sorted(w.id for w in listed if value(w) is None)
    ids = [w.id for w in present]
    return (ids[::-1] if descending else ids) + missing

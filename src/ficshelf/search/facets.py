"""Facet counts for a result set, as AO3's filter sidebar shows them.

Two ways to count the top tags of a type, chosen by the size of the result:
- small result: walk its works and count their tags (cost ~ works x tags per work);
- large result: intersect the result with each tag's bitmap, most popular tags first, and stop
  once a tag has fewer works in total than the current N-th best count (it cannot enter the
  top N). With AO3's long tail this touches only the head of the tag list.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from pyroaring import BitMap

from ficshelf.model import Category, Rating, Warning
from ficshelf.search.postings import (
    SPACE_SHIFT,
    VALUE_MASK,
    Postings,
    Space,
    category_key,
    rating_key,
    value_of,
    warning_key,
)

_V = TypeVar("_V", Rating, Warning, Category)
_SMALL_RESULT = 1000  # measured crossover of the two ways at 100k works
_TAG_SPACES = (Space.FANDOM, Space.RELATIONSHIP, Space.CHARACTER, Space.FREEFORM)

TagCounts = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Facets:
    """Non-zero counts. Ratings, warnings and categories in their vocabulary's order; tags as
    ``(tag id, count)``, most works first, then lowest id."""

    total: int
    ratings: tuple[tuple[Rating, int], ...]
    warnings: tuple[tuple[Warning, int], ...]
    categories: tuple[tuple[Category, int], ...]
    fandoms: TagCounts
    relationships: TagCounts
    characters: TagCounts
    freeforms: TagCounts


def count_facets(postings: Postings, result: BitMap, top_n: int) -> Facets:
    ratings = sorted(Rating, key=lambda rating: rating.rank)
    if len(result) <= _SMALL_RESULT:
        tags = _tags_of_small(postings, result, top_n)
    else:
        tags = {space: _tags_of_large(postings, result, space, top_n) for space in _TAG_SPACES}
    return Facets(
        total=len(result),
        ratings=_closed(postings, result, ratings, rating_key),
        warnings=_closed(postings, result, list(Warning), warning_key),
        categories=_closed(postings, result, list(Category), category_key),
        fandoms=tags[Space.FANDOM],
        relationships=tags[Space.RELATIONSHIP],
        characters=tags[Space.CHARACTER],
        freeforms=tags[Space.FREEFORM],
    )


def _closed(
    postings: Postings, result: BitMap, values: Iterable[_V], key_of: Callable[[_V], int]
) -> tuple[tuple[_V, int], ...]:
    counts = ((v, result.intersection_cardinality(postings.bitmap(key_of(v)))) for v in values)
    return tuple((value, count) for value, count in counts if count)


def _tags_of_small(postings: Postings, result: BitMap, top_n: int) -> dict[Space, TagCounts]:
    counts = Counter(chain.from_iterable(postings.keys_of(work_id) for work_id in result))
    by_space: dict[int, list[tuple[int, int]]] = {space.value: [] for space in _TAG_SPACES}
    for packed, count in counts.items():
        found = by_space.get(packed >> SPACE_SHIFT)  # plain ints: no enum per key, it is hot
        if found is not None:
            found.append((packed & VALUE_MASK, count))
    return {Space(space): _top(items, top_n) for space, items in by_space.items()}


def _top(items: list[tuple[int, int]], top_n: int) -> TagCounts:
    return tuple(heapq.nsmallest(top_n, items, key=lambda item: (-item[1], item[0])))


def _tags_of_large(postings: Postings, result: BitMap, space: Space, top_n: int) -> TagCounts:
    best: list[tuple[int, int]] = []  # min-heap of (count, -tag id): the root is the worst kept
    for packed, bitmap in postings.ranked(space):
        if len(best) == top_n and len(bitmap) < best[0][0]:
            break
        count = result.intersection_cardinality(bitmap)
        if not count:
            continue
        item = (count, -value_of(packed))
        if len(best) < top_n:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    return tuple((-negated, count) for count, negated in sorted(best, reverse=True))

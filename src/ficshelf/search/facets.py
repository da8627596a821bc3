"""Facet counts for a result set, as AO3's filter sidebar shows them.

Two ways to count the top tags of a type, chosen by the size of the result:
- most results: gather the result's rows of the tag matrix and count them at once (numpy; cost
  ~ works x tags per work, a few nanoseconds each, see ``tagmatrix``);
- a result that is a large part of the library: intersect it with each tag's bitmap, most
  popular tags first, and stop once a tag has fewer works in total than the current N-th best
  count (it cannot enter the top N). With AO3's long tail this touches only the head of the
  tag list, and the larger the result, the sooner it stops.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pyroaring import BitMap

from ficshelf.model import Category, Rating, Warning
from ficshelf.search.postings import (
    Postings,
    Space,
    category_key,
    rating_key,
    value_of,
    warning_key,
)

_V = TypeVar("_V", Rating, Warning, Category)
# Above this share of the library, bitmaps win (measured crossovers: 8 % at 100k works, 5 % at 1M).
_LARGE_SHARE = 0.05
TAG_SPACES = (Space.FANDOM, Space.RELATIONSHIP, Space.CHARACTER, Space.FREEFORM)

TagCounts = tuple[tuple[int, int], ...]
TagSource = Callable[[BitMap, int], Mapping[Space, TagCounts]]


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


def count_facets(
    postings: Postings, result: BitMap, top_n: int, everything: int, tags: TagSource
) -> Facets:
    """Facets of ``result``, one of ``everything`` works; ``tags`` counts the top tags of
    results that are not a large part of the library."""
    ratings = sorted(Rating, key=lambda rating: rating.rank)
    top: Mapping[Space, TagCounts]
    if len(result) > everything * _LARGE_SHARE:
        top = {space: _tags_of_large(postings, result, space, top_n) for space in TAG_SPACES}
    else:
        top = tags(result, top_n)
    return Facets(
        total=len(result),
        ratings=_closed(postings, result, ratings, rating_key),
        warnings=_closed(postings, result, list(Warning), warning_key),
        categories=_closed(postings, result, list(Category), category_key),
        fandoms=top[Space.FANDOM],
        relationships=top[Space.RELATIONSHIP],
        characters=top[Space.CHARACTER],
        freeforms=top[Space.FREEFORM],
    )


def _closed(
    postings: Postings, result: BitMap, values: Iterable[_V], key_of: Callable[[_V], int]
) -> tuple[tuple[_V, int], ...]:
    counts = ((v, result.intersection_cardinality(postings.bitmap(key_of(v)))) for v in values)
    return tuple((value, count) for value, count in counts if count)


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

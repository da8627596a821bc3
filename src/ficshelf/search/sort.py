"""Put one page of a result in order: by a column, by text relevance, or shuffled by a seed."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from pyroaring import BitMap

from ficshelf.search.ast import RangeField, Sort, SortKey
from ficshelf.search.columns import SortedColumn


@dataclass(frozen=True, slots=True)
class Ranking:
    """Works in relevance order (best first, ties by lowest id), and the same works as a set."""

    order: Sequence[int]
    members: BitMap


@dataclass(frozen=True, slots=True)
class SortColumns:
    """The index's sorted columns; title and author columns hold a prefix of the full keys."""

    numbers: Mapping[RangeField, SortedColumn]
    title: SortedColumn
    author: SortedColumn
    title_keys: Mapping[int, str]
    author_keys: Mapping[int, str]


def order_page(
    columns: SortColumns,
    result: BitMap,
    sort: Sort,
    page: int,
    per_page: int,
    seed: int | None,
    ranking: Ranking | None,
) -> list[int]:
    start = (page - 1) * per_page
    stop = start + per_page
    match sort.key:
        case SortKey.BEST if ranking is not None:
            return _by_rank(result, ranking, start, stop)
        case SortKey.BEST:
            newest = Sort(SortKey.UPDATED, descending=True)
            return order_page(columns, result, newest, page, per_page, seed, ranking)
        case SortKey.RANDOM:
            return _shuffled(result, start, stop, seed or 0)
        case SortKey.TITLE:
            refine = columns.title_keys.__getitem__
            return _by_column(columns.title, result, start, stop, sort.descending, refine)
        case SortKey.AUTHOR:
            refine = columns.author_keys.__getitem__
            return _by_column(columns.author, result, start, stop, sort.descending, refine)
        case _:
            column = columns.numbers[RangeField(sort.key.value)]
            return _by_column(column, result, start, stop, sort.descending)


def _by_column(
    column: SortedColumn,
    result: BitMap,
    start: int,
    stop: int,
    descending: bool,
    refine: Callable[[int], str] | None = None,
) -> list[int]:
    """Works with a value in column order, then the works without one, by id."""
    ranked = column.window(result, start, stop, descending, refine)
    return _then_the_rest(result, ranked, column.present, start, stop)


def _by_rank(result: BitMap, ranking: Ranking, start: int, stop: int) -> list[int]:
    """Ranked works in rank order, then the unranked ones by id.

    Walks the ranking only as far as the page: the result is usually a small part of it.
    """
    ranked = list(islice((i for i in ranking.order if i in result), start, stop))
    return _then_the_rest(result, ranked, ranking.members, start, stop)


def _then_the_rest(
    result: BitMap, ranked: list[int], ordered: BitMap, start: int, stop: int
) -> list[int]:
    """Fill the page past the ``ordered`` works with the others of ``result``, by id."""
    if len(ranked) == stop - start:
        return ranked
    first = max(0, start - result.intersection_cardinality(ordered))
    missing = result - ordered
    return ranked + list(missing[first : first + stop - start - len(ranked)])


def _shuffled(result: BitMap, start: int, stop: int, seed: int) -> list[int]:
    """Positions ``start..stop-1`` of a seeded shuffle of ``result``, without shuffling it all.

    A Fisher-Yates shuffle run lazily (only as far as ``stop``, swaps kept in a dict) gives the
    same order for every page of the same result and seed, so pages never overlap.
    """
    size = len(result)
    stop = min(stop, size)
    rng = random.Random(seed)
    swapped: dict[int, int] = {}
    page: list[int] = []
    for position in range(stop):
        other = position + rng.randrange(size - position)
        here, there = swapped.get(position, position), swapped.get(other, other)
        swapped[position], swapped[other] = there, here
        if position >= start:
            page.append(result[there])
    return page

"""A numeric column of works (words, dates, a title's sort prefix) that answers ranges and top-k.

Values are split into buckets of consecutive values (about equally full when built from data).
Each bucket keeps a bitmap of its works and its ``(value, id)`` pairs in order, and every
``STRIDE``-th bucket boundary keeps a cumulative bitmap of all works below it. So:

- a range is a handful of bitmap operations (cumulative difference, a few whole buckets) plus at
  most two bisected slices of the end buckets; no per-work Python work for the bulk;
- the k-th..(k+n)-th works of a result in value order come from counting the result in whole
  buckets (``intersection_cardinality``, in C) until the window is reached, then ordering only
  the bucket(s) the window falls in.

Equal values never straddle two buckets, so a bucket of one value (chapters = 1) is never sliced.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pyroaring import BitMap

STRIDE = 16
_MISSING = -(2**63)
_SORT_DIRECTLY_BELOW = 2048


@dataclass(slots=True)
class _Bucket:
    bitmap: BitMap = field(default_factory=BitMap)
    values: array[int] = field(default_factory=lambda: array("q"))
    ids: array[int] = field(default_factory=lambda: array("I"))

    def position(self, value: int, work_id: int) -> int:
        """Where ``(value, work_id)`` stands (or would stand) in this bucket's order."""
        low = bisect.bisect_left(self.values, value)
        high = bisect.bisect_right(self.values, value, low)
        return bisect.bisect_left(self.ids, work_id, low, high)

    def between(self, low: int | None, high: int | None) -> BitMap:
        if not self.values:
            return BitMap()
        if (low is None or self.values[0] >= low) and (high is None or self.values[-1] <= high):
            return self.bitmap
        start = 0 if low is None else bisect.bisect_left(self.values, low)
        stop = len(self.values) if high is None else bisect.bisect_right(self.values, high)
        return BitMap(self.ids[start:stop])


class SortedColumn:
    """Integer values per work id; missing values are simply absent (never in any range)."""

    def __init__(self, boundaries: Sequence[int] = ()) -> None:
        """``boundaries[i]`` is the smallest value of bucket i + 1 (ascending, distinct)."""
        self._bounds = list(boundaries)
        self._buckets = [_Bucket() for _ in range(len(self._bounds) + 1)]
        self._below = [BitMap() for _ in range(len(self._buckets) // STRIDE + 2)]
        self._values = array("q")
        self.present = BitMap()

    @classmethod
    def build(cls, pairs: Iterable[tuple[int, int]], buckets: int = 256) -> SortedColumn:
        """A column from ``(work_id, value)`` pairs, with boundaries at the value quantiles."""
        ordered = sorted(pairs, key=lambda pair: (pair[1], pair[0]))
        column = cls(_quantile_boundaries([value for _, value in ordered], buckets))
        for bucket_index, chunk in column._chunks(ordered):
            bucket = column._buckets[bucket_index]
            bucket.values = array("q", (value for _, value in chunk))
            bucket.ids = array("I", (work_id for work_id, _ in chunk))
            bucket.bitmap = BitMap(bucket.ids)
        for work_id, value in ordered:
            column._store(work_id, value)
        column.present = BitMap.union(BitMap(), *(bucket.bitmap for bucket in column._buckets))
        column._rebuild_below()
        return column

    def _chunks(
        self, ordered: list[tuple[int, int]]
    ) -> Iterable[tuple[int, list[tuple[int, int]]]]:
        start = 0
        for index in range(len(self._buckets)):
            stop = len(ordered)
            if index < len(self._bounds):
                stop = bisect.bisect_left(ordered, self._bounds[index], start, key=lambda p: p[1])
            yield index, ordered[start:stop]
            start = stop

    def _rebuild_below(self) -> None:
        running = BitMap()
        for index in range(len(self._below)):
            self._below[index] = running.copy()
            running |= BitMap.union(
                BitMap(), *(b.bitmap for b in self._buckets[index * STRIDE : (index + 1) * STRIDE])
            )

    def value(self, work_id: int) -> int | None:
        if work_id >= len(self._values) or self._values[work_id] == _MISSING:
            return None
        return self._values[work_id]

    def add(self, work_id: int, value: int) -> None:
        """Store ``value`` for a work not yet in the column."""
        index = self._bucket_of(value)
        bucket = self._buckets[index]
        position = bucket.position(value, work_id)
        bucket.values.insert(position, value)
        bucket.ids.insert(position, work_id)
        bucket.bitmap.add(work_id)
        for below in self._below[index // STRIDE + 1 :]:
            below.add(work_id)
        self.present.add(work_id)
        self._store(work_id, value)

    def remove(self, work_id: int) -> None:
        value = self.value(work_id)
        if value is None:
            return
        index = self._bucket_of(value)
        bucket = self._buckets[index]
        position = bucket.position(value, work_id)
        del bucket.values[position]
        del bucket.ids[position]
        bucket.bitmap.discard(work_id)
        for below in self._below[index // STRIDE + 1 :]:
            below.discard(work_id)
        self.present.discard(work_id)
        self._values[work_id] = _MISSING

    def _store(self, work_id: int, value: int) -> None:
        if work_id >= len(self._values):
            self._values.extend([_MISSING] * (work_id + 1 - len(self._values)))
        self._values[work_id] = value

    def _bucket_of(self, value: int) -> int:
        return bisect.bisect_right(self._bounds, value)

    def between(self, low: int | None, high: int | None) -> BitMap:
        """Works whose value is within ``[low, high]`` (None: unbounded on that side)."""
        first = 0 if low is None else self._bucket_of(low)
        last = len(self._buckets) - 1 if high is None else self._bucket_of(high)
        if first > last:
            return BitMap()
        if first == last:
            return self._buckets[first].between(low, high).copy()
        ends = (self._buckets[first].between(low, None), self._buckets[last].between(None, high))
        return self._whole_buckets(first + 1, last) | ends[0] | ends[1]

    def _whole_buckets(self, first: int, stop: int) -> BitMap:
        """Union of buckets ``first..stop-1``, mostly from the cumulative bitmaps."""
        block_start = -(-first // STRIDE)
        block_stop = stop // STRIDE
        if block_start >= block_stop:
            return BitMap.union(BitMap(), *(b.bitmap for b in self._buckets[first:stop]))
        middle = self._below[block_stop] - self._below[block_start]
        edges = (
            self._buckets[first : block_start * STRIDE] + self._buckets[block_stop * STRIDE : stop]
        )
        return BitMap.union(middle, *(b.bitmap for b in edges))

    def window(
        self,
        result: BitMap,
        start: int,
        stop: int,
        descending: bool = False,
        refine: Callable[[int], str] | None = None,
    ) -> list[int]:
        """Works of ``result`` (that have a value) at positions ``start..stop-1`` in value order.

        Ties are ordered by id; ``descending`` is the exact reverse. ``refine`` gives a finer key
        (a title) when the values are only a prefix of it: order is then (refine, id) within
        equal-prefix groups, which never straddle buckets.
        """
        members = result & self.present
        if len(members) <= _SORT_DIRECTLY_BELOW:
            ordered = sorted(members, key=self._sort_key(refine), reverse=descending)
            return ordered[start:stop]
        found: list[int] = []
        seen = 0
        for bucket in reversed(self._buckets) if descending else self._buckets:
            count = members.intersection_cardinality(bucket.bitmap)
            if seen + count > start and count:
                skip = max(0, start - seen)
                ordered = self._bucket_order(members, bucket, stop - seen, descending, refine)
                found.extend(ordered[skip : stop - seen])
            seen += count
            if seen >= stop:
                break
        return found

    def _bucket_order(
        self,
        members: BitMap,
        bucket: _Bucket,
        needed: int,
        descending: bool,
        refine: Callable[[int], str] | None,
    ) -> list[int]:
        """The first ``needed`` (or more) members in ``bucket``, in order.

        When the result is dense in the bucket, walking the bucket's own order and testing
        membership stops early; when it is sparse, sorting the few members is cheaper.
        """
        inside = members & bucket.bitmap
        if refine is not None or len(inside) * 8 < len(bucket.ids):
            return sorted(inside, key=self._sort_key(refine), reverse=descending)
        ordered: list[int] = []
        for work_id in reversed(bucket.ids) if descending else bucket.ids:
            if work_id in inside:
                ordered.append(work_id)
                if len(ordered) >= needed:
                    break
        return ordered

    def _sort_key(
        self, refine: Callable[[int], str] | None
    ) -> Callable[[int], tuple[int, str, int]]:
        values = self._values

        def key(work_id: int) -> tuple[int, str, int]:
            return values[work_id], refine(work_id) if refine else "", work_id

        return key


def _quantile_boundaries(values: Sequence[int], buckets: int) -> list[int]:
    """Distinct values at about every ``len/buckets``-th position of the sorted ``values``."""
    if not values or buckets < 2:
        return []
    step = max(1, len(values) // buckets)
    bounds: list[int] = []
    for position in range(step, len(values), step):
        value = values[position]
        if value > values[0] and (not bounds or value > bounds[-1]):
            bounds.append(value)
    return bounds

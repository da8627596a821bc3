"""Every work's tags as one compressed sparse row matrix, for counting a result's tags at once.

The facet sidebar needs, for a result of thousands of works, how many of them carry each tag.
Asking each tag's bitmap (most popular first) stops early only when the result is most of the
library; counting work by work in Python costs about a microsecond per tag a work carries.
Here the tags of all works sit in one numpy array, so a result's tags are gathered and counted
in a few vectorised calls.

Rows are laid out fandom by fandom: results are mostly one fandom's works (or a relationship's,
which lives in one fandom), so their rows sit close together and the gather reads memory
nearly in order instead of jumping across all of it.

Picking a space's top N from the counts would mean scanning every tag of the space (half a
million at 1M works). Instead the space's most popular tags are read first: the N-th best of
their counts is a floor, and only tags carried by at least that many works in the whole
library can reach it, so the long tail is never read (see ``_top_columns``).

The matrix is a snapshot: works written since it was built are counted from ``Postings``
directly, and the owner rebuilds it once enough of them pile up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from pyroaring import BitMap

from ficshelf.search.facets import TagCounts
from ficshelf.search.postings import SPACE_SHIFT, VALUE_MASK, Postings, Space

_Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class _Ranked:
    """One space's columns, most works first: where a top-N search starts and may stop."""

    space: Space
    low: int  # the space's columns are low..high-1
    high: int
    columns: _Ints  # the space's columns by how many works carry them, most first
    negated_totals: _Ints  # minus those counts: ascending, for searchsorted


@dataclass(frozen=True, slots=True)
class TagMatrix:
    """Rows are work ids; columns number the keys of ``spaces`` in ascending key order."""

    spaces: tuple[Space, ...]
    keys: _Ints  # column -> packed key, ascending
    start: _Ints  # work id -> its first position in ``cells``
    length: _Ints  # work id -> how many tags it has (0: not in the matrix)
    cells: _Ints  # the columns of every work's tags, work after work
    ranked: Mapping[Space, _Ranked]

    @classmethod
    def build(cls, postings: Postings, spaces: Iterable[Space]) -> TagMatrix:
        spaces = tuple(spaces)
        wanted = {int(space) for space in spaces}
        rows = postings.rows()
        size = max(rows, default=0) + 1
        start = np.zeros(size, dtype=np.int64)
        length = np.zeros(size, dtype=np.int64)
        packed: list[int] = []
        for work_id in sorted(rows, key=lambda work_id: _first_fandom(rows[work_id])):
            keys = rows[work_id]
            start[work_id] = len(packed)
            packed.extend(k for k in keys if k >> SPACE_SHIFT in wanted)
            length[work_id] = len(packed) - start[work_id]
        columns, cells = np.unique(np.asarray(packed, dtype=np.int64), return_inverse=True)
        totals = np.bincount(cells, minlength=len(columns))
        ranked = {space: _ranked(columns, totals, space) for space in spaces}
        return cls(spaces, columns, start, length, cells.astype(np.int64), ranked)

    def top_tags(
        self, postings: Postings, result: BitMap, changed: BitMap, top_n: int
    ) -> dict[Space, TagCounts]:
        """The ``top_n`` tags of each space among ``result``, as ``(tag id, count)``, most
        works first, then lowest id. The ``changed`` works are counted from ``postings``."""
        counts = self._counts(result - changed)
        unknown: Counter[int] = Counter()
        recounted = result & changed
        for work_id in recounted:
            for packed in postings.keys_of(work_id):
                column = self._column(packed)
                if column is not None:
                    counts[column] += 1
                elif packed >> SPACE_SHIFT in self.spaces:
                    unknown[packed] += 1
        return {
            space: self._top(counts, unknown, self.ranked[space], top_n, len(recounted))
            for space in self.spaces
        }

    def _counts(self, works: BitMap) -> _Ints:
        ids = np.frombuffer(works.to_array(), dtype=np.uint32)
        if len(ids) and ids[-1] >= len(self.length):  # added since the matrix was built
            ids = ids[ids < len(self.length)]
        starts, lengths = self.start[ids], self.length[ids]
        total = int(lengths.sum())
        if not total:
            return np.zeros(len(self.keys), dtype=np.int64)
        # Each tag's position: its work's start, plus how many tags of that work came before.
        positions = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions += np.arange(total, dtype=np.int64)
        return np.bincount(self.cells[positions], minlength=len(self.keys))

    def _column(self, packed: int) -> int | None:
        column = int(np.searchsorted(self.keys, packed))
        found = column < len(self.keys) and int(self.keys[column]) == packed
        return column if found else None

    def _top(
        self,
        counts: _Ints,
        unknown: Mapping[int, int],
        ranked: _Ranked,
        top_n: int,
        recounted: int,
    ) -> TagCounts:
        columns = _top_columns(counts, ranked, top_n, recounted)
        candidates = {int(self.keys[column]): int(counts[column]) for column in columns}
        candidates.update((k, n) for k, n in unknown.items() if k >> SPACE_SHIFT == ranked.space)
        best = sorted(candidates.items(), key=lambda item: (-item[1], item[0]))[:top_n]
        return tuple((packed & VALUE_MASK, count) for packed, count in best)


# Tags of a space counted first for a top-N: the N-th best among them is a floor that most of
# the space's long tail (tags on fewer works in the whole library) can never reach.
_HEAD = 64


def _top_columns(counts: _Ints, ranked: _Ranked, top_n: int, recounted: int) -> _Ints:
    """Columns holding the top ``top_n`` non-zero counts of a space (ties at the last count:
    the lowest columns), found without scanning the whole space when its head allows.

    A tag's count in a result is at most the works carrying it in the whole library, plus
    the ``recounted`` works counted outside the matrix. So once the head's N-th best count is
    known, only tags carried by at least that many works can still enter the top N, and they
    are the first ones in popularity order.
    """
    if len(ranked.columns) > _HEAD >= top_n > 0:
        head = counts[ranked.columns[:_HEAD]]
        floor = int(np.partition(head, _HEAD - top_n)[_HEAD - top_n]) - recounted
        if floor > 0:
            reach = int(np.searchsorted(ranked.negated_totals, -floor, side="right"))
            if reach < (ranked.high - ranked.low) // 4:
                candidates = ranked.columns[:reach]
                return _best_columns(candidates, counts[candidates], top_n)
    candidates = np.arange(ranked.low, ranked.high)
    return _best_columns(candidates, counts[ranked.low : ranked.high], top_n)


def _best_columns(columns: _Ints, values: _Ints, top_n: int) -> _Ints:
    if top_n <= 0:
        return columns[:0]
    nonzero = values > 0
    columns, values = columns[nonzero], values[nonzero]
    if len(columns) <= top_n:
        return columns
    nth = np.partition(values, len(values) - top_n)[len(values) - top_n]
    ties = np.sort(columns[values == nth])[:top_n]  # no more than N of them can be shown
    return np.concatenate((columns[values > nth], ties))


def _ranked(columns: _Ints, totals: _Ints, space: Space) -> _Ranked:
    low, high = (
        int(i) for i in np.searchsorted(columns, [space << SPACE_SHIFT, (space + 1) << SPACE_SHIFT])
    )
    order = low + np.argsort(-totals[low:high], kind="stable")
    return _Ranked(space, low, high, order, -totals[order])


def _first_fandom(keys: Iterable[int]) -> int:
    """The lowest fandom key of a work's keys (0 for none): its place in the row order."""
    return min((k for k in keys if k >> SPACE_SHIFT == Space.FANDOM), default=0)

"""Every work's tags as one compressed sparse row matrix, for counting a result's tags at once.

The facet sidebar needs, for a result of thousands of works, how many of them carry each tag.
Asking each tag's bitmap (most popular first) stops early only when the result is most of the
library; counting work by work in Python costs about a microsecond per tag a work carries.
Here the tags of all works sit in one numpy array, so a result's tags are gathered and counted
in a few vectorised calls.

Rows are laid out fandom by fandom: results are mostly one fandom's works (or a relationship's,
which lives in one fandom), so their rows sit close together and the gather reads memory
nearly in order instead of jumping across all of it.

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
class TagMatrix:
    """Rows are work ids; columns number the keys of ``spaces`` in ascending key order."""

    spaces: tuple[Space, ...]
    keys: _Ints  # column -> packed key, ascending
    start: _Ints  # work id -> its first position in ``cells``
    length: _Ints  # work id -> how many tags it has (0: not in the matrix)
    cells: _Ints  # the columns of every work's tags, work after work

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
        return cls(spaces, columns, start, length, cells.astype(np.int64))

    def top_tags(
        self, postings: Postings, result: BitMap, changed: BitMap, top_n: int
    ) -> dict[Space, TagCounts]:
        """The ``top_n`` tags of each space among ``result``, as ``(tag id, count)``, most
        works first, then lowest id. The ``changed`` works are counted from ``postings``."""
        counts = self._counts(result - changed)
        unknown: Counter[int] = Counter()
        for work_id in result & changed:
            for packed in postings.keys_of(work_id):
                column = self._column(packed)
                if column is not None:
                    counts[column] += 1
                elif packed >> SPACE_SHIFT in self.spaces:
                    unknown[packed] += 1
        return {space: self._top(counts, unknown, space, top_n) for space in self.spaces}

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
        self, counts: _Ints, unknown: Mapping[int, int], space: Space, top_n: int
    ) -> TagCounts:
        low, high = np.searchsorted(self.keys, [space << SPACE_SHIFT, (space + 1) << SPACE_SHIFT])
        in_space = counts[low:high]
        found = np.flatnonzero(in_space)
        if len(found) > top_n:  # keep the top_n largest counts and every tie of the last
            nth = np.partition(in_space[found], len(found) - top_n)[len(found) - top_n]
            found = found[in_space[found] >= nth]
        candidates = {int(self.keys[low + i]): int(in_space[i]) for i in found}
        candidates.update((k, n) for k, n in unknown.items() if k >> SPACE_SHIFT == space)
        best = sorted(candidates.items(), key=lambda item: (-item[1], item[0]))[:top_n]
        return tuple((packed & VALUE_MASK, count) for packed, count in best)


def _first_fandom(keys: Iterable[int]) -> int:
    """The lowest fandom key of a work's keys (0 for none): its place in the row order."""
    return min((k for k in keys if k >> SPACE_SHIFT == Space.FANDOM), default=0)

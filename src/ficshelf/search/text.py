"""The free text of a query, asked of the full-text engine as cheaply as the filters allow.

The filters are answered first, from the in-memory index, so the engine is only asked about
works that can still be in the result: none when the filters leave nothing, one by one when
they leave a handful, otherwise every match at once (then intersected). Ranking every match is
the engine's dearest work (bm25 reads each match's positions), and readers page through one
result and refine its filters while keeping the words, so whole answers are kept for reuse
until the library changes.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass

from pyroaring import BitMap

from ficshelf.search.ast import TextQuery
from ficshelf.search.fulltext import FullText
from ficshelf.search.sort import Ranking

# Up to this many candidates, the engine is asked about each (~25 µs apiece on SQLite) rather
# than for every match (~0.5 µs a match, and a common word matches nearly every work).
ONE_BY_ONE_LIMIT = 48
# Whole answers kept, counted in work ids (4 bytes each in an array, plus a bitmap).
_KEPT_IDS = 2_000_000


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """The works of the candidates that match; ``ranking`` only when asked for."""

    ids: BitMap
    ranking: Ranking | None


@dataclass(frozen=True, slots=True)
class _Whole:
    """Every match of one text, unrestricted: what the cache keeps."""

    ids: BitMap
    order: array[int] | None


class TextSearch:
    """Answers text for one library's searches; callers hold the service's lock."""

    def __init__(self, engine: FullText) -> None:
        self._engine = engine
        self._kept: OrderedDict[tuple[TextQuery, bool], _Whole] = OrderedDict()
        self._kept_generation = -1

    def matching(
        self, query: TextQuery, candidates: BitMap, generation: int, ranked: bool
    ) -> TextAnswer:
        """The ``candidates`` that match ``query``, ranked best first when ``ranked``.

        ``generation`` is the library's: answers kept from another generation are dropped.
        """
        if not candidates:
            return TextAnswer(BitMap(), Ranking(array("I"), BitMap()) if ranked else None)
        whole = self._kept_answer(query, ranked, generation)
        if whole is None and len(candidates) <= ONE_BY_ONE_LIMIT:
            return self._one_by_one(query, candidates, ranked)
        if whole is None:
            whole = self._whole(query, ranked)
            self._keep(query, ranked, whole)
        ids = whole.ids & candidates
        if not ranked:
            return TextAnswer(ids, None)
        assert whole.order is not None
        return TextAnswer(ids, Ranking(whole.order, whole.ids))

    def _one_by_one(self, query: TextQuery, candidates: BitMap, ranked: bool) -> TextAnswer:
        if not ranked:
            return TextAnswer(self._engine.matches(query, among=candidates), None)
        order = self._engine.ranked(query, among=candidates)
        ids = BitMap(order)
        return TextAnswer(ids, Ranking(order, ids))

    def _whole(self, query: TextQuery, ranked: bool) -> _Whole:
        if ranked:
            order = self._engine.ranked(query)
            return _Whole(BitMap(order), order)
        return _Whole(self._engine.matches(query), None)

    def _kept_answer(self, query: TextQuery, ranked: bool, generation: int) -> _Whole | None:
        if generation != self._kept_generation:
            self._kept.clear()
            self._kept_generation = generation
            return None
        # A ranked answer serves an unranked question too.
        for key in ((query, True), (query, False))[: 1 if ranked else 2]:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        return None

    def _keep(self, query: TextQuery, ranked: bool, whole: _Whole) -> None:
        self._kept[(query, ranked)] = whole
        while len(self._kept) > 1 and sum(len(w.ids) for w in self._kept.values()) > _KEPT_IDS:
            self._kept.popitem(last=False)

    def forget(self) -> None:
        """Drop every kept answer (a benchmark measuring cold searches calls this)."""
        self._kept.clear()

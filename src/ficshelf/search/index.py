"""The in-memory filter index: which works match a query's filters, their facets and order.

Built from the library at start-up and kept in step with it (``add``, ``update``, ``remove``);
the database stays the source of truth. Free text is not answered here: the caller runs the
``TextQuery`` in its full-text engine and passes the matching ids (and scores) in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from pyroaring import BitMap

from ficshelf.model import Rating
from ficshelf.search.ast import (
    AuthorFilter,
    CategoryFilter,
    Filter,
    IdFilter,
    Interval,
    LanguageFilter,
    Query,
    RangeField,
    RangeFilter,
    SeriesFilter,
    Sort,
    StatusFilter,
    TagFilter,
    TitleFilter,
    WarningFilter,
)
from ficshelf.search.columns import SortedColumn
from ficshelf.search.facets import TAG_SPACES, Facets, TagCounts, count_facets
from ficshelf.search.indexed import IndexedWork, sort_prefix, sort_text
from ficshelf.search.postings import (
    Postings,
    Space,
    category_key,
    key,
    rating_key,
    warning_key,
)
from ficshelf.search.resolve import Resolver
from ficshelf.search.sort import Ranking, SortColumns, order_page
from ficshelf.search.tagmatrix import TagMatrix

_COLUMN_OF: dict[RangeField, Callable[[IndexedWork], int | None]] = {
    RangeField.WORDS: lambda work: work.words,
    RangeField.CHAPTERS: lambda work: work.chapters,
    RangeField.PUBLISHED: lambda work: _ordinal(work.published),
    RangeField.UPDATED: lambda work: _ordinal(work.updated),
}
_RATINGS_BY_RANK = sorted(Rating, key=lambda rating: rating.rank)
# The tag matrix is rebuilt once this share of the works changed since it was built (until
# then those works are counted one by one).
_REBUILD_SHARE = 0.05


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


class FilterIndex:
    """Bitmaps per tag and facet value, plus sorted columns, over a set of works."""

    def __init__(self, buckets: int = 256) -> None:
        self._buckets = buckets
        self._postings = Postings()
        self._all = BitMap()
        self._columns = {field: SortedColumn() for field in _COLUMN_OF}
        self._title = SortedColumn()
        self._author = SortedColumn()
        self._title_keys: dict[int, str] = {}
        self._author_keys: dict[int, str] = {}
        self._matrix: TagMatrix | None = None
        self._changed = BitMap()  # works added, updated or removed since the matrix was built

    @classmethod
    def build(cls, works: Iterable[IndexedWork], buckets: int = 256) -> FilterIndex:
        """An index of ``works`` at once: much faster than adding them one by one."""
        index = cls(buckets)
        listed = list(works)
        index._postings.build(listed)
        index._all = BitMap(work.id for work in listed)
        for field, value_of in _COLUMN_OF.items():
            pairs = [(w.id, v) for w in listed if (v := value_of(w)) is not None]
            index._columns[field] = SortedColumn.build(pairs, buckets)
        index._title_keys = {work.id: sort_text(work.title) for work in listed}
        index._author_keys = {work.id: sort_text(work.author_sort) for work in listed}
        index._title = _prefix_column(index._title_keys, buckets)
        index._author = _prefix_column(index._author_keys, buckets)
        index._matrix = TagMatrix.build(index._postings, TAG_SPACES)
        for space in TAG_SPACES:  # the tag order large results' facets walk, made once now
            index._postings.ranked(space)
        return index

    def __len__(self) -> int:
        return len(self._all)

    def __contains__(self, work_id: int) -> bool:
        return work_id in self._all

    @property
    def all(self) -> BitMap:
        return self._all.copy()

    def add(self, work: IndexedWork) -> None:
        """Index ``work``, replacing what was indexed under its id before."""
        if work.id in self._all:
            self.remove(work.id)
        self._changed.add(work.id)
        self._postings.add(work)
        self._all.add(work.id)
        for field, value_of in _COLUMN_OF.items():
            value = value_of(work)
            if value is not None:
                self._columns[field].add(work.id, value)
        self._title_keys[work.id] = title = sort_text(work.title)
        self._author_keys[work.id] = author = sort_text(work.author_sort)
        self._title.add(work.id, sort_prefix(title))
        self._author.add(work.id, sort_prefix(author))

    update = add

    def remove(self, work_id: int) -> None:
        """Forget a work; unknown ids are ignored."""
        if work_id not in self._all:
            return
        self._changed.add(work_id)
        self._postings.remove(work_id)
        self._all.discard(work_id)
        for column in (*self._columns.values(), self._title, self._author):
            column.remove(work_id)
        del self._title_keys[work_id]
        del self._author_keys[work_id]

    def evaluate(self, query: Query, resolver: Resolver) -> BitMap:
        """Ids of the works matching the filters of ``query`` (its free text is the full-text
        engine's, asked afterwards about these works only)."""
        included = sorted((self._matching(item, resolver) for item in query.include), key=len)
        result = self._all.intersection(*included) if included else self._all.copy()
        for item in query.exclude:
            if not result:
                break
            result -= self._matching(item, resolver)
        return result

    def facets(self, result: BitMap, top_n: int = 10) -> Facets:
        """Counts per rating, warning, category and the ``top_n`` tags of each tag type."""
        return count_facets(self._postings, result, top_n, len(self._all), self._top_tags)

    def _top_tags(self, result: BitMap, top_n: int) -> dict[Space, TagCounts]:
        if self._matrix is None or len(self._changed) > len(self._all) * _REBUILD_SHARE:
            self._matrix = TagMatrix.build(self._postings, TAG_SPACES)
            self._changed = BitMap()
        return self._matrix.top_tags(self._postings, result, self._changed, top_n)

    def sort(
        self,
        result: BitMap,
        sort: Sort,
        page: int = 1,
        per_page: int = 20,
        seed: int | None = None,
        ranking: Ranking | None = None,
    ) -> list[int]:
        """The ids on ``page`` (from 1) of ``result`` in ``sort`` order.

        ``ranking`` (text relevance) orders ``sort:best``; without it best falls back to the
        most recently updated. Works missing the sort value (no date) come last, by id.
        """
        columns = SortColumns(
            numbers=self._columns,
            title=self._title,
            author=self._author,
            title_keys=self._title_keys,
            author_keys=self._author_keys,
        )
        return order_page(columns, result, sort, page, per_page, seed, ranking)

    def _matching(self, item: Filter, resolver: Resolver) -> BitMap:
        postings = self._postings
        match item:
            case TagFilter(type, names):
                ids = {i for name in names for i in resolver.resolve(type, name)}
                return postings.union(k for i in ids if (k := postings.tag_key(i)) is not None)
            case WarningFilter(warnings):
                return postings.union(warning_key(warning) for warning in warnings)
            case CategoryFilter(categories):
                return postings.union(category_key(category) for category in categories)
            case RangeFilter(RangeField.RATING, intervals):
                ratings = [r for r in _RATINGS_BY_RANK if _any_contains(intervals, r.rank)]
                return postings.union(rating_key(rating) for rating in ratings)
            case RangeFilter(field, intervals):
                column = self._columns[field]
                return BitMap.union(BitMap(), *(column.between(i.low, i.high) for i in intervals))
            case LanguageFilter(codes):
                return postings.union(self._symbol_keys(Space.LANGUAGE, codes))
            case StatusFilter(complete):
                return postings.bitmap(key(Space.COMPLETE, int(complete))).copy()
            case AuthorFilter(names):
                ids = {i for name in names for i in resolver.authors(name)}
                return postings.union(key(Space.AUTHOR, i) for i in ids)
            case SeriesFilter(names):
                ids = {i for name in names for i in resolver.series(name)}
                return postings.union(key(Space.SERIES, i) for i in ids)
            case TitleFilter(words):
                keys = list(self._symbol_keys(Space.TITLE_WORD, words))
                if len(keys) < len(set(words)):
                    return BitMap()
                return BitMap.intersection(*(postings.bitmap(k) for k in keys))
            case IdFilter(ids):
                return BitMap(ids) & self._all

    def _symbol_keys(self, space: Space, texts: Iterable[str]) -> Iterable[int]:
        symbols = (self._postings.symbol(text) for text in set(texts))
        return (key(space, symbol) for symbol in symbols if symbol is not None)


def _any_contains(intervals: Iterable[Interval], value: int) -> bool:
    return any(interval.contains(value) for interval in intervals)


def _prefix_column(keys: Mapping[int, str], buckets: int) -> SortedColumn:
    return SortedColumn.build(((work_id, sort_prefix(k)) for work_id, k in keys.items()), buckets)

"""The same ``Query`` answered by plain SQL over the library schema: the benchmark's yardstick.

Filters become ``EXISTS`` over ``work_tags`` and comparisons on ``works`` columns, the sort an
``ORDER BY`` with the index's tie rules (ties by id, descending the exact reverse, works
without the value last by id), paging ``LIMIT/OFFSET``, facets ``GROUP BY``s. Names are
resolved by the same resolver the index uses, so only the set operations are compared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ficshelf.library.db import Connection
from ficshelf.model import Category, Rating, Warning
from ficshelf.search import Query, Resolver, to_fts5
from ficshelf.search.ast import (
    AuthorFilter,
    CategoryFilter,
    Filter,
    IdFilter,
    LanguageFilter,
    RangeField,
    RangeFilter,
    SeriesFilter,
    SortKey,
    StatusFilter,
    TagFilter,
    TitleFilter,
    WarningFilter,
)
from ficshelf.search.facets import Facets

_COLUMNS = {
    RangeField.RATING: "w.rating_rank",
    RangeField.WORDS: "w.words",
    RangeField.CHAPTERS: "w.chapter_count",
    RangeField.PUBLISHED: "w.published",
    RangeField.UPDATED: "w.updated",
}
_SORT_COLUMNS = {
    SortKey.WORDS: "w.words",
    SortKey.CHAPTERS: "w.chapter_count",
    SortKey.PUBLISHED: "w.published",
    SortKey.UPDATED: "w.updated",
}
_TAG_FACETS = ("fandom", "relationship", "character", "freeform")


@dataclass(frozen=True, slots=True)
class SqlAnswer:
    total: int
    ids: tuple[int, ...]
    facets: Facets | None


class SqlSearch:
    def __init__(self, connection: Connection, resolver: Resolver) -> None:
        self._connection = connection
        self._resolver = resolver

    def search(self, query: Query, with_facets: bool = False, top: int = 10) -> SqlAnswer:
        where, params = self._where(query)
        (total,) = self._connection.execute(
            f"SELECT COUNT(*) FROM works w WHERE {where}", params
        ).fetchone()
        ids = self._page(query, where, params)
        facets = self._facets(where, params, top, total) if with_facets else None
        return SqlAnswer(int(total), ids, facets)

    def _where(self, query: Query) -> tuple[str, list[object]]:
        parts, params = ["1 = 1"], []
        for item, negated in [(i, False) for i in query.include] + [
            (i, True) for i in query.exclude
        ]:
            sql, values = self._filter(item)
            parts.append(f"NOT ({sql})" if negated else f"({sql})")
            params += values
        if query.text is not None:
            parts.append("w.id IN (SELECT rowid FROM works_fts WHERE works_fts MATCH ?)")
            params.append(to_fts5(query.text))
        if query.text_exclude is not None:
            parts.append("w.id NOT IN (SELECT rowid FROM works_fts WHERE works_fts MATCH ?)")
            params.append(to_fts5(query.text_exclude))
        return " AND ".join(parts), params

    def _filter(self, item: Filter) -> tuple[str, list[object]]:
        match item:
            case TagFilter(type, names):
                ids = sorted({i for name in names for i in self._resolver.resolve(type, name)})
                return _has_tag(ids)
            case WarningFilter(warnings):
                return self._closed_tags("warning", [w.value for w in warnings])
            case CategoryFilter(categories):
                return self._closed_tags("category", [c.value for c in categories])
            case RangeFilter(field, intervals):
                column = _COLUMNS[field]
                ors, params = [], []
                for interval in intervals:
                    low, high = (_bound(field, v) for v in (interval.low, interval.high))
                    checks = [f"{column} IS NOT NULL"]
                    if low is not None:
                        checks.append(f"{column} >= ?")
                        params.append(low)
                    if high is not None:
                        checks.append(f"{column} <= ?")
                        params.append(high)
                    ors.append("(" + " AND ".join(checks) + ")")
                return " OR ".join(ors), params
            case LanguageFilter(codes):
                return f"w.language IN ({_marks(codes)})", list(codes)
            case StatusFilter(complete):
                return "w.status = ?", ["complete" if complete else "in-progress"]
            case AuthorFilter(names):
                keys = [" ".join(name.split()).casefold() for name in names]
                return (
                    "EXISTS (SELECT 1 FROM work_authors wa WHERE wa.work_id = w.id "
                    f"AND wa.name_key IN ({_marks(keys)}))",
                    list(keys),
                )
            case SeriesFilter(names):
                ids = sorted({i for name in names for i in self._resolver.series(name)})
                return (
                    "EXISTS (SELECT 1 FROM work_series ws WHERE ws.work_id = w.id "
                    f"AND ws.series_id IN ({_marks(ids)}))",
                    list(ids),
                )
            case TitleFilter():
                raise NotImplementedError("title: is not in the benchmark mix")
            case IdFilter(ids):
                return f"w.id IN ({_marks(ids)})", list(ids)

    def _closed_tags(self, kind: str, names: list[str]) -> tuple[str, list[object]]:
        rows = self._connection.execute(
            f"SELECT id FROM tags WHERE type = ? AND name IN ({_marks(names)})", (kind, *names)
        )
        return _has_tag(sorted(int(row[0]) for row in rows))

    def _page(self, query: Query, where: str, params: list[object]) -> tuple[int, ...]:
        sort = query.effective_sort
        offset = (query.page - 1) * query.per_page
        if sort.key is SortKey.BEST and query.text is not None:
            sql = (
                "SELECT w.id FROM works w JOIN (SELECT rowid AS id, bm25(works_fts, 10.0, 4.0, "
                "1.0) AS rank FROM works_fts WHERE works_fts MATCH ?) f ON f.id = w.id "
                f"WHERE {where} ORDER BY f.rank, w.id LIMIT ? OFFSET ?"
            )
            rows = self._connection.execute(
                sql, [to_fts5(query.text), *params, query.per_page, offset]
            )
            return tuple(int(row[0]) for row in rows)
        key = sort.key if sort.key in _SORT_COLUMNS else SortKey.UPDATED
        descending = sort.descending if sort.key in _SORT_COLUMNS else True
        column = _SORT_COLUMNS[key]
        direction = "DESC" if descending else "ASC"
        tie = "-w.id" if descending else "w.id"
        sql = (
            f"SELECT w.id FROM works w WHERE {where} ORDER BY ({column} IS NULL), "
            f"{column} {direction}, CASE WHEN {column} IS NULL THEN w.id ELSE {tie} END "
            "LIMIT ? OFFSET ?"
        )
        rows = self._connection.execute(sql, [*params, query.per_page, offset])
        return tuple(int(row[0]) for row in rows)

    def _facets(self, where: str, params: list[object], top: int, total: int) -> Facets:
        matching = f"SELECT w.id FROM works w WHERE {where}"
        ratings = dict(
            self._connection.execute(
                f"SELECT rating, COUNT(*) FROM works WHERE id IN ({matching}) GROUP BY rating",
                params,
            ).fetchall()
        )
        closed = {
            kind: dict(
                self._connection.execute(
                    "SELECT t.name, COUNT(*) FROM work_tags wt JOIN tags t ON t.id = wt.tag_id "
                    f"WHERE t.type = ? AND wt.work_id IN ({matching}) GROUP BY t.name",
                    [kind, *params],
                ).fetchall()
            )
            for kind in ("warning", "category")
        }
        tags = {
            kind: tuple(
                (int(tag_id), int(count))
                for tag_id, count in self._connection.execute(
                    "SELECT wt.tag_id, COUNT(*) AS n FROM work_tags wt "
                    "JOIN tags t ON t.id = wt.tag_id "
                    f"WHERE t.type = ? AND wt.work_id IN ({matching}) "
                    "GROUP BY wt.tag_id ORDER BY n DESC, wt.tag_id LIMIT ?",
                    [kind, *params, top],
                )
            )
            for kind in _TAG_FACETS
        }
        by_rank = sorted(Rating, key=lambda rating: rating.rank)
        return Facets(
            total=total,
            ratings=tuple((r, ratings[r.value]) for r in by_rank if ratings.get(r.value)),
            warnings=tuple(
                (w, closed["warning"][w.value]) for w in Warning if closed["warning"].get(w.value)
            ),
            categories=tuple(
                (c, closed["category"][c.value])
                for c in Category
                if closed["category"].get(c.value)
            ),
            fandoms=tags["fandom"],
            relationships=tags["relationship"],
            characters=tags["character"],
            freeforms=tags["freeform"],
        )


def _has_tag(ids: list[int]) -> tuple[str, list[object]]:
    if not ids:
        return "1 = 0", []
    return (
        "EXISTS (SELECT 1 FROM work_tags wt WHERE wt.work_id = w.id "
        f"AND wt.tag_id IN ({_marks(ids)}))",
        list(ids),
    )


def _bound(field: RangeField, value: int | None) -> object:
    if value is None or field not in (RangeField.PUBLISHED, RangeField.UPDATED):
        return value
    return dt.date.fromordinal(value).isoformat()


def _marks(values: object) -> str:
    return ", ".join("?" * len(values))  # type: ignore[arg-type]

"""The library's works as the filter index sees them, and the names a query may use for them.

:class:`Catalog` reads ``IndexedWork`` rows in bulk: one query per table (works, each tag type,
authors, series), for the whole library or for the works changed since a generation, never one
query per work. :class:`DatabaseResolver` answers the index's name questions from the tables
(tags, their written forms, meta tags, series) plus the author numbers the catalog hands out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ficshelf.library.db import Connection
from ficshelf.library.keys import name_key
from ficshelf.model import Category, Rating, TagType, Warning
from ficshelf.search.indexed import IndexedWork

_TAG_TYPES = tuple(TagType)
_RATINGS = {rating.value: rating for rating in Rating}
_WARNINGS = {warning.value: warning for warning in Warning}
_CATEGORIES = {category.value: category for category in Category}
_STATUS = {"complete": True, "in-progress": False}


class Catalog:
    """Reads works for the index. Authors have no ids in the library (a work lists names), so
    the catalog numbers each folded name the first time it meets it; the numbers live as long
    as the catalog, like the index built from them."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.author_ids: dict[str, int] = {}

    def load(self, since: int | None = None) -> list[IndexedWork]:
        """Every work, or only those written after generation ``since``."""
        tags = self._tags(since)
        authors = self._authors(since)
        series = self._series(since)
        where, params = _changed("id", since)
        rows = self._connection.execute(
            "SELECT id, title, rating, words, chapter_count, published, updated, language, "
            f"status FROM works WHERE {where}",
            params,
        )
        return [
            _indexed(row, tags.get(row[0], _NO_TAGS), authors.get(row[0], ()), series)
            for row in rows
        ]

    def deleted_since(self, since: int) -> list[int]:
        return [
            int(work_id)
            for (work_id,) in self._connection.execute(
                "SELECT work_id FROM deleted_works WHERE changed_at > ?", (since,)
            )
        ]

    def _tags(self, since: int | None) -> dict[int, _WorkTags]:
        """Each work's tags by type; warnings and categories as their enums."""
        found: defaultdict[int, _WorkTags] = defaultdict(_WorkTags)
        where, params = _changed("work_tags.work_id", since)
        select = (
            "SELECT work_tags.work_id, {} FROM work_tags JOIN tags ON tags.id = work_tags.tag_id "
            f"WHERE tags.type = ? AND {where}"
        )
        for tag_type in _TAG_TYPES:
            rows = self._connection.execute(
                select.format("work_tags.tag_id"), (tag_type.value, *params)
            )
            for work_id, tag_id in rows:
                found[work_id].ids[tag_type].append(tag_id)
        for kind, names in (("warning", _WARNINGS), ("category", _CATEGORIES)):
            for work_id, name in self._connection.execute(
                select.format("tags.name"), (kind, *params)
            ):
                value = names.get(name)
                if value is not None:
                    found[work_id].closed.append(value)
        return found

    def _authors(self, since: int | None) -> dict[int, list[tuple[int, str]]]:
        """Each work's (author number, name as shown), first author first."""
        found: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)
        where, params = _changed("work_id", since)
        rows = self._connection.execute(
            f"SELECT work_id, name FROM work_authors WHERE {where} ORDER BY work_id, position",
            params,
        )
        ids = self.author_ids
        for work_id, name in rows:
            key = name_key(name)
            number = ids.get(key)
            if number is None:
                ids[key] = number = len(ids)
            found[work_id].append((number, name))
        return found

    def _series(self, since: int | None) -> dict[int, list[int]]:
        found: defaultdict[int, list[int]] = defaultdict(list)
        where, params = _changed("work_id", since)
        sql = f"SELECT work_id, series_id FROM work_series WHERE {where}"
        for work_id, series_id in self._connection.execute(sql, params):
            found[work_id].append(series_id)
        return found


def _changed(column: str, since: int | None) -> tuple[str, tuple[object, ...]]:
    """A condition keeping the rows whose work (``column``) changed after generation ``since``."""
    if since is None:
        return "1 = 1", ()
    return f"{column} IN (SELECT id FROM works WHERE changed_at > ?)", (since,)


class _WorkTags:
    __slots__ = ("closed", "ids")

    def __init__(self) -> None:
        self.ids: dict[TagType, list[int]] = {tag_type: [] for tag_type in _TAG_TYPES}
        self.closed: list[Warning | Category] = []


_NO_TAGS = _WorkTags()


def _indexed(
    row: Sequence[object],
    tags: _WorkTags,
    authors: Sequence[tuple[int, str]],
    series: dict[int, list[int]],
) -> IndexedWork:
    work_id, title, rating, words, chapters, published, updated, language, status = row
    assert isinstance(work_id, int)
    return IndexedWork(
        id=work_id,
        title=str(title),
        rating=_RATINGS.get(str(rating), Rating.NOT_RATED),
        warnings=frozenset(value for value in tags.closed if isinstance(value, Warning)),
        categories=frozenset(value for value in tags.closed if isinstance(value, Category)),
        fandoms=frozenset(tags.ids[TagType.FANDOM]),
        relationships=frozenset(tags.ids[TagType.RELATIONSHIP]),
        characters=frozenset(tags.ids[TagType.CHARACTER]),
        freeforms=frozenset(tags.ids[TagType.FREEFORM]),
        words=int(str(words)),
        chapters=int(str(chapters)),
        published=_date(published),
        updated=_date(updated),
        language=str(language) if language else None,
        complete=_STATUS.get(str(status)) if status else None,
        authors=frozenset(number for number, _ in authors),
        author_sort=authors[0][1] if authors else "",
        series=frozenset(series.get(work_id, ())),
    )


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


class DatabaseResolver:
    """Names in a query -> ids, from the library's tables (see ``TagResolver.resolve``).

    A name matches a tag's canonical name or any form it was written in (case and spacing
    ignored); the answer is the canonical tag and, through ``tag_parents``, every tag below it.
    The library keeps synonyms as written forms of one tag row, so "canonical and all its
    synonyms" is that one id.
    """

    def __init__(self, connection: Connection, author_ids: dict[str, int]) -> None:
        self._connection = connection
        self._author_ids = author_ids

    def resolve(self, type: TagType | None, name: str) -> frozenset[int]:
        types = [type.value] if type is not None else [tag_type.value for tag_type in _TAG_TYPES]
        marks = ", ".join("?" * len(types))
        key = name_key(name)
        rows = self._connection.execute(
            f"""
            WITH RECURSIVE family (id) AS (
                SELECT id FROM tags WHERE name_key = ? AND type IN ({marks})
                UNION
                SELECT tags.id FROM tag_synonyms JOIN tags ON tags.id = tag_synonyms.tag_id
                WHERE tag_synonyms.written_key = ? AND tags.type IN ({marks})
                UNION
                SELECT tag_parents.tag_id FROM tag_parents
                JOIN family ON tag_parents.parent_id = family.id
            )
            SELECT id FROM family
            """,
            (key, *types, key, *types),
        )
        return frozenset(int(tag_id) for (tag_id,) in rows)

    def authors(self, name: str) -> frozenset[int]:
        number = self._author_ids.get(name_key(name))
        return frozenset() if number is None else frozenset({number})

    def series(self, name: str) -> frozenset[int]:
        rows = self._connection.execute(
            "SELECT id FROM series WHERE name_key = ?", (name_key(name),)
        )
        return frozenset(int(series_id) for (series_id,) in rows)


def tag_names(connection: Connection, tag_ids: Iterable[int]) -> dict[int, str]:
    """Canonical names of ``tag_ids`` (for facets); unknown ids are left out."""
    wanted = sorted(set(tag_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = connection.execute(f"SELECT id, name FROM tags WHERE id IN ({marks})", wanted)
    return {int(tag_id): str(name) for tag_id, name in rows}

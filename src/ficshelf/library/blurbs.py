"""Read queries for the web pages: a page of work blurbs, tags and their families, names.

The web index shows a page of works at a time; loading each whole ``StoredWork`` would read
every chapter. ``blurbs`` reads what a blurb shows for a page of ids in four queries, whatever
the page size. Every function takes an open connection and only reads.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field

from ficshelf.library.db import Connection
from ficshelf.library.keys import name_key
from ficshelf.model import Category, Rating, SeriesRef, Status, TagType, Warning

_TAG_TYPES = {tag_type.value: tag_type for tag_type in TagType}


@dataclass(frozen=True, slots=True)
class WorkBlurb:
    """What a works index shows of one work (AO3's blurb): no chapter text."""

    id: int
    title: str
    authors: tuple[str, ...]
    rating: Rating
    warnings: tuple[Warning, ...]
    categories: tuple[Category, ...]
    status: Status | None
    fandoms: tuple[str, ...]
    relationships: tuple[str, ...]
    characters: tuple[str, ...]
    freeforms: tuple[str, ...]
    summary: str | None
    language: str | None
    words: int
    chapters: int
    published: dt.date | None
    updated: dt.date | None
    series: tuple[SeriesRef, ...]


@dataclass(frozen=True, slots=True)
class TagInfo:
    """A tag and its family: the written forms it was found as, its meta and sub tags.

    No work count: how many works a reader sees under a tag depends on what they blocked, so
    the web pages count through the search service with the reader's blocks.
    """

    id: int
    type: str
    name: str
    synonyms: tuple[str, ...]
    parents: tuple[tuple[str, str], ...]  # (type, name)
    children: tuple[tuple[str, str], ...]
    needs_review: bool


@dataclass(frozen=True, slots=True)
class ReviewTag:
    """A tag the wrangler could not place, with how often and how it was written."""

    id: int
    type: str
    name: str
    reason: str
    works: int
    written: tuple[str, ...] = field(default_factory=tuple)


def blurbs(connection: Connection, ids: Sequence[int]) -> list[WorkBlurb]:
    """Blurbs for ``ids`` in the order given; ids that are not in the library are left out."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    authors = _grouped(
        connection.execute(
            f"SELECT work_id, name FROM work_authors WHERE work_id IN ({marks}) "
            "ORDER BY work_id, position",
            tuple(ids),
        )
    )
    tags: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
    for work_id, tag_type, name in connection.execute(
        "SELECT work_tags.work_id, tags.type, tags.name FROM work_tags "
        f"JOIN tags ON tags.id = work_tags.tag_id WHERE work_tags.work_id IN ({marks}) "
        "ORDER BY work_tags.work_id, work_tags.position",
        tuple(ids),
    ):
        tags[(work_id, tag_type)].append(name)
    series: defaultdict[int, list[SeriesRef]] = defaultdict(list)
    for work_id, name, position in connection.execute(
        "SELECT work_series.work_id, series.name, work_series.position FROM work_series "
        "JOIN series ON series.id = work_series.series_id "
        f"WHERE work_series.work_id IN ({marks}) ORDER BY work_series.work_id, ordinal",
        tuple(ids),
    ):
        series[work_id].append(SeriesRef(name, position))
    rows = {
        row[0]: row
        for row in connection.execute(
            "SELECT id, title, rating, status, summary, language, words, chapter_count, "
            f"published, updated FROM works WHERE id IN ({marks})",
            tuple(ids),
        )
    }
    found: list[WorkBlurb] = []
    for work_id in ids:
        row = rows.get(work_id)
        if row is None:
            continue
        _, title, rating, status, summary, language, words, chapters, published, updated = row

        def of(tag_type: str, work_id: int = work_id) -> tuple[str, ...]:
            return tuple(tags.get((work_id, tag_type), ()))

        found.append(
            WorkBlurb(
                id=work_id,
                title=title,
                authors=tuple(authors.get(work_id, ())),
                rating=Rating(rating),
                warnings=tuple(Warning(name) for name in of("warning")),
                categories=tuple(Category(name) for name in of("category")),
                status=Status(status) if status else None,
                fandoms=of(TagType.FANDOM.value),
                relationships=of(TagType.RELATIONSHIP.value),
                characters=of(TagType.CHARACTER.value),
                freeforms=of(TagType.FREEFORM.value),
                summary=summary,
                language=language,
                words=int(words),
                chapters=int(chapters),
                published=_date(published),
                updated=_date(updated),
                series=tuple(series.get(work_id, ())),
            )
        )
    return found


def tag_info(connection: Connection, name: str) -> TagInfo | None:
    """The tag called ``name`` (canonical name, or any form it was written in)."""
    row = connection.execute(
        "SELECT id, type, name FROM tags WHERE lower(name) = lower(?) "
        "UNION SELECT tags.id, tags.type, tags.name FROM tag_synonyms "
        "JOIN tags ON tags.id = tag_synonyms.tag_id WHERE lower(tag_synonyms.written) = lower(?) "
        "ORDER BY 1 LIMIT 1",
        (name, name),
    ).fetchone()
    if row is None:
        return None
    tag_id, tag_type, canonical = row
    synonyms = tuple(
        written
        for (written,) in connection.execute(
            "SELECT written FROM tag_synonyms WHERE tag_id = ? AND written != ? ORDER BY written",
            (tag_id, canonical),
        )
    )
    parents = tuple(
        connection.execute(
            "SELECT tags.type, tags.name FROM tag_parents JOIN tags ON tags.id = parent_id "
            "WHERE tag_id = ? ORDER BY tags.name",
            (tag_id,),
        )
    )
    children = tuple(
        connection.execute(
            "SELECT tags.type, tags.name FROM tag_parents JOIN tags ON tags.id = tag_id "
            "WHERE parent_id = ? ORDER BY tags.name",
            (tag_id,),
        )
    )
    review = connection.execute("SELECT 1 FROM tag_review WHERE tag_id = ?", (tag_id,)).fetchone()
    return TagInfo(tag_id, tag_type, canonical, synonyms, parents, children, review is not None)


def series_order(connection: Connection, name: str) -> list[int]:
    """Ids of the works in the series called ``name`` (case and spacing ignored), in reading
    order: by part number, works without one after the numbered parts, then by publication.

    The search service sorts by columns a series does not have, so a series page asks here.
    """
    rows = connection.execute(
        "SELECT work_series.work_id FROM work_series "
        "JOIN series ON series.id = work_series.series_id "
        "JOIN works ON works.id = work_series.work_id WHERE series.name_key = ? "
        "ORDER BY work_series.position IS NULL, work_series.position, "
        "works.published IS NULL, works.published, works.id",
        (name_key(name),),
    )
    return [int(work_id) for (work_id,) in rows]


def tag_suggestions(
    connection: Connection, term: str, limit: int = 10, leave_out: Set[int] = frozenset()
) -> list[tuple[str, str]]:
    """Tags whose name or a written form starts with ``term``: ``(canonical name, as typed)``.

    The second element is the form that matched, so a reader typing a synonym sees it; the
    canonical name is what gets filled in. Most-used tags come first; tags in ``leave_out``
    (ids, e.g. the reader's blocked families) are never suggested.
    """
    prefix = term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = connection.execute(
        """
        SELECT tags.id, tags.name, matched, COUNT(work_tags.work_id) AS uses FROM (
            SELECT id AS tag_id, name AS matched FROM tags
            WHERE lower(name) LIKE lower(?) ESCAPE '\\' AND type NOT IN ('warning', 'category')
            UNION
            SELECT tag_id, written AS matched FROM tag_synonyms
            WHERE lower(written) LIKE lower(?) ESCAPE '\\'
        ) AS hits
        JOIN tags ON tags.id = hits.tag_id
        LEFT JOIN work_tags ON work_tags.tag_id = tags.id
        GROUP BY tags.id, matched
        ORDER BY uses DESC, tags.name
        LIMIT ?
        """,
        (prefix, prefix, limit * 3 + len(leave_out)),
    )
    seen: dict[str, str] = {}
    for tag_id, name, matched, _uses in rows:
        if tag_id not in leave_out:
            seen.setdefault(name, matched)
    return list(seen.items())[:limit]


def tags_to_review(connection: Connection, limit: int = 200) -> list[ReviewTag]:
    """Unwrangled tags, most-used first, with the forms they were written in."""
    rows = connection.execute(
        """
        SELECT tags.id, tags.type, tags.name, tag_review.reason,
               (SELECT COUNT(*) FROM work_tags WHERE work_tags.tag_id = tags.id) AS uses
        FROM tag_review JOIN tags ON tags.id = tag_review.tag_id
        ORDER BY uses DESC, tags.name LIMIT ?
        """,
        (limit,),
    ).fetchall()
    written = _grouped(
        connection.execute(
            "SELECT tag_id, written FROM tag_synonyms "
            "WHERE tag_id IN (SELECT tag_id FROM tag_review) ORDER BY tag_id, written"
        )
    )
    return [
        ReviewTag(tag_id, tag_type, name, reason, uses, tuple(written.get(tag_id, ())))
        for tag_id, tag_type, name, reason, uses in rows
    ]


def canonical_names(connection: Connection, tag_type: str) -> list[str]:
    """Every tag name of one type that is not waiting for review (merge targets)."""
    return [
        name
        for (name,) in connection.execute(
            "SELECT name FROM tags WHERE type = ? AND id NOT IN (SELECT tag_id FROM tag_review) "
            "ORDER BY name",
            (tag_type,),
        )
    ]


def chapter_count(connection: Connection, work_id: int) -> int | None:
    row = connection.execute("SELECT chapter_count FROM works WHERE id = ?", (work_id,)).fetchone()
    return int(row[0]) if row else None


def _grouped(rows: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    grouped: defaultdict[int, list[str]] = defaultdict(list)
    for key, value in rows:
        grouped[key].append(value)
    return grouped


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None

"""Reading and writing works, their tags, chapters and source files: the library's SQL.

Every function takes an open connection and runs inside the caller's transaction; none of them
commits. The SQL is written once for both backends (``?`` placeholders, ``ON CONFLICT``,
``RETURNING``; see ``db.Connection``); only the full-text table differs, and
``ficshelf.library.fulltext`` writes it. Every write to a work takes the next library
generation and stamps the work with it (``changed_at``), deletes are logged in
``deleted_works``: that is how the search index learns what changed, even in another process.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ficshelf.library.codec import raw_from_json, raw_to_json
from ficshelf.library.db import Connection, utc_now
from ficshelf.library.fulltext import delete_document, write_document
from ficshelf.library.keys import name_key
from ficshelf.model import (
    Category,
    Rating,
    RawChapter,
    SeriesRef,
    Status,
    TagRef,
    TagType,
    Warning,
    Work,
)
from ficshelf.wrangle.rules import Rule

WARNING_TYPE = "warning"
CATEGORY_TYPE = "category"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file (or archive member) as found on disk: what identifies its content."""

    path: str
    content_hash: str
    size: int
    mtime: float | None = None


@dataclass(frozen=True, slots=True)
class KnownSource:
    """A source path the library has seen, and the work it belongs to."""

    path: str
    work_id: int
    content_hash: str


@dataclass(frozen=True, slots=True)
class StoredWork:
    """A work as the library holds it: its id, the work, and every path it is known by."""

    id: int
    work: Work
    sources: tuple[str, ...]
    imported_at: str


@dataclass(frozen=True, slots=True)
class WorkSummary:
    """One line of ``ficshelf list``."""

    id: int
    title: str
    authors: tuple[str, ...]
    fandoms: tuple[str, ...]
    rating: str
    words: int


# --- sources --------------------------------------------------------------------------------


def source_at(connection: Connection, path: str) -> KnownSource | None:
    row = connection.execute(
        "SELECT path, work_id, content_hash FROM sources WHERE path = ?", (path,)
    ).fetchone()
    return KnownSource(row[0], row[1], row[2]) if row else None


def work_with_content(connection: Connection, content_hash: str) -> int | None:
    """The work some source with exactly this content belongs to, if any."""
    row = connection.execute(
        "SELECT work_id FROM sources WHERE content_hash = ? ORDER BY id LIMIT 1", (content_hash,)
    ).fetchone()
    return int(row[0]) if row else None


def save_source(
    connection: Connection,
    work_id: int,
    source: SourceFile,
    *,
    format: str | None,
    encoding: str | None,
) -> None:
    """Record (or re-point) the path ``source.path`` as a source of ``work_id``."""
    connection.execute(
        """
        INSERT INTO sources
            (path, work_id, content_hash, format, encoding, size, mtime, imported_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (path) DO UPDATE SET
            work_id = excluded.work_id,
            content_hash = excluded.content_hash,
            format = excluded.format,
            encoding = excluded.encoding,
            size = excluded.size,
            mtime = excluded.mtime,
            imported_at = excluded.imported_at
        """,
        (
            source.path,
            work_id,
            source.content_hash,
            format,
            encoding,
            source.size,
            source.mtime,
            utc_now(),
        ),
    )


def add_duplicate_source(connection: Connection, work_id: int, source: SourceFile) -> None:
    """Another path with the content of ``work_id``: same format and encoding as the work's."""
    format, encoding = connection.execute(
        "SELECT format, encoding FROM works WHERE id = ?", (work_id,)
    ).fetchone()
    save_source(connection, work_id, source, format=format, encoding=encoding)


# --- works ----------------------------------------------------------------------------------


def insert_work(connection: Connection, work: Work, source: SourceFile) -> int:
    """Store a new work from ``source``; returns its id."""
    now = utc_now()
    cursor = connection.execute(
        f"""
        INSERT INTO works ({", ".join(_WORK_COLUMNS)}, created_at, imported_at, changed_at)
        VALUES ({", ".join("?" * (len(_WORK_COLUMNS) + 3))})
        RETURNING id
        """,
        (*_work_values(work, source.content_hash), now, now, next_generation(connection)),
    )
    work_id = int(cursor.fetchone()[0])
    _write_content(connection, work_id, work)
    save_source(connection, work_id, source, format=work.raw.format, encoding=work.raw.encoding)
    return work_id


def replace_work(connection: Connection, work_id: int, work: Work, source: SourceFile) -> None:
    """Replace everything about ``work_id`` with ``work`` (an edited file); the id stays."""
    delete_document(connection, work_id)  # while the indexed text is still there to re-read
    assignments = ", ".join(f"{column} = ?" for column in _WORK_COLUMNS)
    connection.execute(
        f"UPDATE works SET {assignments}, imported_at = ?, changed_at = ? WHERE id = ?",
        (*_work_values(work, source.content_hash), utc_now(), next_generation(connection), work_id),
    )
    _delete_content(connection, work_id)
    _write_content(connection, work_id, work)
    save_source(connection, work_id, source, format=work.raw.format, encoding=work.raw.encoding)


def retag_work(connection: Connection, work_id: int, work: Work) -> None:
    """Replace only the tags of ``work_id`` (and the wrangler's notes on them): a re-wrangle."""
    connection.execute(
        "UPDATE works SET fandom_inferred = ?, decisions_json = ?, changed_at = ? WHERE id = ?",
        (
            int(work.fandom_inferred),
            json.dumps(list(work.decisions), ensure_ascii=False),
            next_generation(connection),
            work_id,
        ),
    )
    connection.execute("DELETE FROM work_tags WHERE work_id = ?", (work_id,))
    _write_tags(connection, work_id, _all_tags(work))


def delete_work(connection: Connection, work_id: int) -> bool:
    """Remove a work and everything that is only its (tags stay); False if there was none."""
    delete_document(connection, work_id)  # while the indexed text is still there to re-read
    deleted = connection.execute("DELETE FROM works WHERE id = ? RETURNING id", (work_id,))
    if deleted.fetchone() is None:
        return False
    _delete_content(connection, work_id)  # the foreign keys cascade; this says so explicitly
    connection.execute("DELETE FROM sources WHERE work_id = ?", (work_id,))
    connection.execute(
        "INSERT INTO deleted_works (work_id, changed_at) VALUES (?, ?) "
        "ON CONFLICT (work_id) DO UPDATE SET changed_at = excluded.changed_at",
        (work_id, next_generation(connection)),
    )
    return True


def next_generation(connection: Connection) -> int:
    """Take the library's next generation number (its row stays locked until commit, so
    generations commit in order on PostgreSQL too)."""
    row = connection.execute(
        "UPDATE library_state SET generation = generation + 1 WHERE id = 1 RETURNING generation"
    ).fetchone()
    return int(row[0])


def current_generation(connection: Connection) -> int:
    row = connection.execute("SELECT generation FROM library_state WHERE id = 1").fetchone()
    return int(row[0])


def load_work(
    connection: Connection, work_id: int, *, with_chapters: bool = True
) -> StoredWork | None:
    """The stored work; ``with_chapters=False`` leaves its chapters out (empty), for callers
    that need only its metadata and tags and should not read a whole novel for them."""
    row = connection.execute(
        f"SELECT {', '.join(_WORK_COLUMNS)}, imported_at FROM works WHERE id = ?", (work_id,)
    ).fetchone()
    if row is None:
        return None
    columns = dict(zip((*_WORK_COLUMNS, "imported_at"), row, strict=True))
    chapters = _load_chapters(connection, work_id) if with_chapters else ()
    tags = _load_tags(connection, work_id)
    work = Work(
        raw=raw_from_json(str(columns["raw_json"]), chapters),
        title=str(columns["title"]),
        authors=_load_authors(connection, work_id),
        fandoms=_refs(tags, TagType.FANDOM),
        rating=Rating(columns["rating"]),
        warnings=tuple(Warning(tag.name) for tag in tags.get(WARNING_TYPE, ())),
        categories=tuple(Category(tag.name) for tag in tags.get(CATEGORY_TYPE, ())),
        relationships=_refs(tags, TagType.RELATIONSHIP),
        characters=_refs(tags, TagType.CHARACTER),
        freeforms=_refs(tags, TagType.FREEFORM),
        summary=columns["summary"],
        notes=columns["notes"],
        series=_load_series(connection, work_id),
        language=columns["language"],
        words=int(columns["words"]),
        chapters=chapters,
        status=Status(columns["status"]) if columns["status"] else None,
        published=_date(columns["published"]),
        updated=_date(columns["updated"]),
        fandom_inferred=bool(columns["fandom_inferred"]),
        decisions=tuple(json.loads(str(columns["decisions_json"]))),
    )
    paths = tuple(
        path
        for (path,) in connection.execute(
            "SELECT path FROM sources WHERE work_id = ? ORDER BY id", (work_id,)
        )
    )
    return StoredWork(work_id, work, paths, str(columns["imported_at"]))


def work_ids_titled(connection: Connection, title: str) -> list[int]:
    return [
        int(work_id)
        for (work_id,) in connection.execute(
            "SELECT id FROM works WHERE title = ? ORDER BY id", (title,)
        )
    ]


def list_works(connection: Connection, limit: int | None = None) -> list[WorkSummary]:
    """Works in import order (id), with their authors and fandoms, at most ``limit`` of them."""
    page = "SELECT id FROM works ORDER BY id" + (" LIMIT ?" if limit is not None else "")
    page_args: tuple[int, ...] = (limit,) if limit is not None else ()
    authors: dict[int, list[str]] = {}
    for work_id, name in connection.execute(
        f"SELECT work_id, name FROM work_authors WHERE work_id IN ({page}) "
        "ORDER BY work_id, position",
        page_args,
    ):
        authors.setdefault(work_id, []).append(name)
    fandoms: dict[int, list[str]] = {}
    for work_id, name in connection.execute(
        "SELECT work_tags.work_id, tags.name FROM work_tags "
        "JOIN tags ON tags.id = work_tags.tag_id "
        f"WHERE tags.type = ? AND work_tags.work_id IN ({page}) "
        "ORDER BY work_tags.work_id, work_tags.position",
        (TagType.FANDOM.value, *page_args),
    ):
        fandoms.setdefault(work_id, []).append(name)
    return [
        WorkSummary(
            work_id,
            title,
            tuple(authors.get(work_id, ())),
            tuple(fandoms.get(work_id, ())),
            rating,
            words,
        )
        for work_id, title, rating, words in connection.execute(
            f"SELECT id, title, rating, words FROM works WHERE id IN ({page}) ORDER BY id",
            page_args,
        )
    ]


def count_works(connection: Connection) -> int:
    return int(connection.execute("SELECT COUNT(*) FROM works").fetchone()[0])


# --- wrangle rules -------------------------------------------------------------------------


def load_rules(connection: Connection) -> list[Rule]:
    """The user's rules in the order they were made (later rules are applied after earlier)."""
    return [
        Rule(kind, TagType(tag_type), source, target)
        for kind, tag_type, source, target in connection.execute(
            "SELECT kind, tag_type, source, target FROM wrangle_rules ORDER BY id"
        )
    ]


def save_rule(connection: Connection, rule: Rule) -> None:
    """Record ``rule``; a synonym, merge or rename replaces the earlier one for the same tag."""
    if rule.kind != "parent":
        connection.execute(
            "DELETE FROM wrangle_rules WHERE kind = ? AND tag_type = ? AND source = ?",
            (rule.kind, rule.type.value, rule.source),
        )
    connection.execute(
        "INSERT INTO wrangle_rules (kind, tag_type, source, target, created_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, tag_type, source, target) DO NOTHING",
        (rule.kind, rule.type.value, rule.source, rule.target, utc_now()),
    )


# --- the parts of a work --------------------------------------------------------------------

_WORK_COLUMNS = (
    "title",
    "summary",
    "notes",
    "end_notes",
    "rating",
    "rating_rank",
    "status",
    "language",
    "words",
    "chapter_count",
    "published",
    "updated",
    "fandom_inferred",
    "format",
    "encoding",
    "content_hash",
    "raw_json",
    "decisions_json",
)


def _work_values(work: Work, content_hash: str) -> tuple[object, ...]:
    return (
        work.title,
        work.summary,
        work.notes,
        work.raw.end_notes,
        work.rating.value,
        work.rating.rank,
        work.status.value if work.status else None,
        work.language,
        work.words,
        len(work.chapters),
        work.published.isoformat() if work.published else None,
        work.updated.isoformat() if work.updated else None,
        int(work.fandom_inferred),
        work.raw.format,
        work.raw.encoding,
        content_hash,
        raw_to_json(work.raw),
        json.dumps(list(work.decisions), ensure_ascii=False),
    )


def _write_content(connection: Connection, work_id: int, work: Work) -> None:
    connection.executemany(
        "INSERT INTO work_authors (work_id, position, name, name_key) VALUES (?, ?, ?, ?)",
        [
            (work_id, position, name, name_key(name))
            for position, name in enumerate(dict.fromkeys(work.authors))
        ],
    )
    _write_tags(connection, work_id, _all_tags(work))
    _write_series(connection, work_id, work.series)
    connection.executemany(
        "INSERT INTO chapters (work_id, position, title, text, html, summary, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                work_id,
                position,
                chapter.title,
                chapter.text,
                chapter.html,
                chapter.summary,
                chapter.notes,
            )
            for position, chapter in enumerate(work.chapters, start=1)
        ],
    )
    _write_fulltext(connection, work_id, work)


def _delete_content(connection: Connection, work_id: int) -> None:
    for table in ("work_authors", "work_tags", "work_series", "chapters"):
        connection.execute(f"DELETE FROM {table} WHERE work_id = ?", (work_id,))


def _write_fulltext(connection: Connection, work_id: int, work: Work) -> None:
    body = "\n\n".join(chapter.text for chapter in work.chapters)
    write_document(connection, work_id, work.title, work.summary or "", body)


def _all_tags(work: Work) -> list[TagRef | tuple[str, str]]:
    """Every tag of the work in display order; warnings and categories have no written form."""
    return [
        *work.fandoms,
        *work.relationships,
        *work.characters,
        *work.freeforms,
        *((WARNING_TYPE, warning.value) for warning in work.warnings),
        *((CATEGORY_TYPE, category.value) for category in work.categories),
    ]


def _write_tags(
    connection: Connection, work_id: int, tags: Iterable[TagRef | tuple[str, str]]
) -> None:
    seen: set[int] = set()
    for position, tag in enumerate(tags):
        if isinstance(tag, TagRef):
            tag_type, name, written, how = tag.type.value, tag.name, tag.written, tag.how
        else:
            (tag_type, name), written, how = tag, None, ""
        found = tag_id(connection, tag_type, name)
        if found in seen:
            continue  # two written forms of one tag: the work has the tag once, first form kept
        seen.add(found)
        connection.execute(
            "INSERT INTO work_tags (work_id, tag_id, position, written, how) "
            "VALUES (?, ?, ?, ?, ?)",
            (work_id, found, position, written, how),
        )
        if written is not None:
            connection.execute(
                "INSERT INTO tag_synonyms (tag_id, written, how, written_key) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (tag_id, written) DO NOTHING",
                (found, written, how, name_key(written)),
            )
        if isinstance(tag, TagRef) and not tag.known:
            connection.execute(
                "INSERT INTO tag_review (tag_id, reason, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT (tag_id) DO NOTHING",
                (found, how, utc_now()),
            )


def tag_id(connection: Connection, tag_type: str, name: str) -> int:
    """The id of the tag ``(tag_type, name)``, made if the library has not seen it yet.
    Looked up first: most tags of an import are known, and a lookup is one statement."""
    find = ("SELECT id FROM tags WHERE type = ? AND name = ?", (tag_type, name))
    make = (
        "INSERT INTO tags (type, name, name_key) VALUES (?, ?, ?) "
        "ON CONFLICT (type, name) DO NOTHING RETURNING id",
        (tag_type, name, name_key(name)),
    )
    return _found_or_made(connection, find, make)


def _found_or_made(
    connection: Connection,
    find: tuple[str, tuple[object, ...]],
    make: tuple[str, tuple[object, ...]],
) -> int:
    """The id ``find`` selects, else the one ``make`` inserts; if another writer inserted it
    in between (PostgreSQL lets two transactions try), the one ``find`` now selects."""
    row = connection.execute(*find).fetchone() or connection.execute(*make).fetchone()
    if row is None:
        row = connection.execute(*find).fetchone()
    return int(row[0])


def _write_series(connection: Connection, work_id: int, series: Sequence[SeriesRef]) -> None:
    seen: set[int] = set()
    for ordinal, ref in enumerate(series):
        series_id = _found_or_made(
            connection,
            ("SELECT id FROM series WHERE name = ?", (ref.name,)),
            (
                "INSERT INTO series (name, name_key) VALUES (?, ?) "
                "ON CONFLICT (name) DO NOTHING RETURNING id",
                (ref.name, name_key(ref.name)),
            ),
        )
        if series_id in seen:
            continue
        seen.add(series_id)
        connection.execute(
            "INSERT INTO work_series (work_id, series_id, ordinal, position) VALUES (?, ?, ?, ?)",
            (work_id, series_id, ordinal, ref.position),
        )


def _load_authors(connection: Connection, work_id: int) -> tuple[str, ...]:
    return tuple(
        name
        for (name,) in connection.execute(
            "SELECT name FROM work_authors WHERE work_id = ? ORDER BY position", (work_id,)
        )
    )


@dataclass(frozen=True, slots=True)
class _StoredTag:
    name: str
    written: str | None
    how: str
    known: bool

    def ref(self, tag_type: TagType) -> TagRef:
        return TagRef(tag_type, self.name, self.written or self.name, self.how, self.known)


def _load_tags(connection: Connection, work_id: int) -> dict[str, list[_StoredTag]]:
    """The work's tags grouped by stored type (the four TagTypes, warning, category), in order."""
    grouped: dict[str, list[_StoredTag]] = {}
    rows = connection.execute(
        """
        SELECT tags.type, tags.name, work_tags.written, work_tags.how,
               tag_review.tag_id IS NULL AS known
        FROM work_tags
        JOIN tags ON tags.id = work_tags.tag_id
        LEFT JOIN tag_review ON tag_review.tag_id = tags.id
        WHERE work_tags.work_id = ?
        ORDER BY work_tags.position
        """,
        (work_id,),
    )
    for tag_type, name, written, how, known in rows:
        grouped.setdefault(tag_type, []).append(_StoredTag(name, written, how, bool(known)))
    return grouped


def _refs(tags: dict[str, list[_StoredTag]], tag_type: TagType) -> tuple[TagRef, ...]:
    return tuple(tag.ref(tag_type) for tag in tags.get(tag_type.value, ()))


def _load_series(connection: Connection, work_id: int) -> tuple[SeriesRef, ...]:
    return tuple(
        SeriesRef(name, position)
        for name, position in connection.execute(
            "SELECT series.name, work_series.position FROM work_series "
            "JOIN series ON series.id = work_series.series_id "
            "WHERE work_series.work_id = ? ORDER BY work_series.ordinal",
            (work_id,),
        )
    )


def _load_chapters(connection: Connection, work_id: int) -> tuple[RawChapter, ...]:
    return tuple(
        RawChapter(title, text, html, summary, notes)
        for title, text, html, summary, notes in connection.execute(
            "SELECT title, text, html, summary, notes FROM chapters "
            "WHERE work_id = ? ORDER BY position",
            (work_id,),
        )
    )


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None

"""A calibre library's ``metadata.db``, read-only: each book's metadata and its files.

The database is opened with ``mode=ro&immutable=1``, so ficshelf never writes to it, never
takes a lock and never leaves a journal beside it, even while calibre itself is running.
Values come out as calibre stores them (comments as HTML, languages as ISO 639-2 codes,
series_index as a float, star ratings 0-10); turning them into a work is ``calibre_import``'s
job. Tables are calibre's own (schema version 25 and earlier ones that share these columns).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ficshelf.errors import UnreadableFile

DATABASE_NAME = "metadata.db"
# calibre's "no date": pubdate 0101-01-01 (UNDEFINED_DATE) is shown as empty.
_FIRST_REAL_YEAR = 1000
# Column types with no table of their own (calibre computes them from templates).
_COMPUTED_COLUMNS = frozenset({"composite"})


@dataclass(frozen=True, slots=True)
class BookFile:
    """One format of a book: calibre's format name ("EPUB") and where the file should be."""

    format: str
    path: Path


@dataclass(frozen=True, slots=True)
class CustomValue:
    """A user-defined column's values for one book (several for tag-like columns)."""

    label: str
    name: str
    datatype: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CalibreBook:
    """One row of ``books`` with everything linked to it."""

    id: int
    title: str
    authors: tuple[str, ...]
    folder: Path
    files: tuple[BookFile, ...]
    tags: tuple[str, ...] = ()
    series: str | None = None
    series_index: float | None = None
    comments: str | None = None
    publisher: str | None = None
    languages: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    pubdate: dt.date | None = None
    stars: int | None = None
    custom: tuple[CustomValue, ...] = ()


def read_calibre_library(library_dir: Path) -> list[CalibreBook]:
    """Every book of the calibre library in ``library_dir``, in calibre's id order.

    Raises UnreadableFile (one line) when the folder has no ``metadata.db`` or it is not a
    calibre database.
    """
    database = library_dir / DATABASE_NAME
    if not database.is_file():
        raise UnreadableFile(str(library_dir), f"not a calibre library (no {DATABASE_NAME})")
    try:
        with closing(_connect_read_only(database)) as connection:
            return list(_books(connection, library_dir))
    except sqlite3.DatabaseError as error:
        raise UnreadableFile(str(database), f"not a readable calibre database ({error})") from error


def _connect_read_only(database: Path) -> sqlite3.Connection:
    uri = f"{database.absolute().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


_Linked = Mapping[int, list[str]]


def _books(connection: sqlite3.Connection, library_dir: Path) -> Iterator[CalibreBook]:
    authors = _linked(
        connection,
        "SELECT l.book, a.name FROM books_authors_link l JOIN authors a ON a.id = l.author"
        " ORDER BY l.id",
    )
    tags = _linked(
        connection,
        "SELECT l.book, t.name FROM books_tags_link l JOIN tags t ON t.id = l.tag ORDER BY l.id",
    )
    series = _linked(
        connection,
        "SELECT l.book, s.name FROM books_series_link l JOIN series s ON s.id = l.series",
    )
    publishers = _linked(
        connection,
        "SELECT l.book, p.name FROM books_publishers_link l"
        " JOIN publishers p ON p.id = l.publisher",
    )
    languages = _linked(
        connection,
        "SELECT l.book, g.lang_code FROM books_languages_link l"
        " JOIN languages g ON g.id = l.lang_code ORDER BY l.item_order, l.id",
    )
    stars = _linked(
        connection,
        "SELECT l.book, r.rating FROM books_ratings_link l JOIN ratings r ON r.id = l.rating",
    )
    comments = _linked(connection, "SELECT book, text FROM comments")
    identifiers = _pairs(connection, "SELECT book, type, val FROM identifiers ORDER BY id")
    files = _pairs(connection, "SELECT book, format, name FROM data ORDER BY id")
    custom = _custom_values(connection)
    rows = connection.execute(
        "SELECT id, title, path, series_index, pubdate FROM books ORDER BY id"
    ).fetchall()
    for book_id, title, path, series_index, pubdate in rows:
        folder = library_dir / str(path)
        yield CalibreBook(
            id=book_id,
            title=str(title or ""),
            authors=tuple(authors.get(book_id, ())),
            folder=folder,
            files=tuple(_book_file(folder, fmt, name) for fmt, name in files.get(book_id, ())),
            tags=tuple(tags.get(book_id, ())),
            series=_one(series, book_id),
            series_index=float(series_index) if series_index is not None else None,
            comments=_one(comments, book_id),
            publisher=_one(publishers, book_id),
            languages=tuple(languages.get(book_id, ())),
            identifiers=tuple(identifiers.get(book_id, ())),
            pubdate=_date(pubdate),
            stars=int(_one(stars, book_id) or 0) or None,
            custom=tuple(custom.get(book_id, ())),
        )


def _linked(connection: sqlite3.Connection, sql: str) -> _Linked:
    """``book -> [value, ...]`` from a query of (book, value) rows, in the query's order."""
    linked: defaultdict[int, list[str]] = defaultdict(list)
    for book_id, value in connection.execute(sql):
        if value is not None and str(value).strip():
            linked[book_id].append(str(value))
    return linked


def _pairs(connection: sqlite3.Connection, sql: str) -> Mapping[int, list[tuple[str, str]]]:
    pairs: defaultdict[int, list[tuple[str, str]]] = defaultdict(list)
    for book_id, key, value in connection.execute(sql):
        pairs[book_id].append((str(key), str(value)))
    return pairs


def _one(linked: _Linked, book_id: int) -> str | None:
    values = linked.get(book_id)
    return values[0] if values else None


def _book_file(folder: Path, fmt: str, name: str) -> BookFile:
    """calibre names a book's file ``<data.name>.<format in lower case>`` in its folder."""
    return BookFile(fmt.upper(), folder / f"{name}.{fmt.lower()}")


def _date(stored: object) -> dt.date | None:
    """calibre's "2015-03-10 05:00:00+00:00" -> 2015-03-10; its undefined date -> None."""
    if not isinstance(stored, str):
        return None
    try:
        day = dt.date.fromisoformat(stored[:10])
    except ValueError:
        return None
    return day if day.year >= _FIRST_REAL_YEAR else None


def _custom_values(connection: sqlite3.Connection) -> Mapping[int, list[CustomValue]]:
    """Every user-defined column's values, by book. A column whose table is missing (a
    half-deleted column) is passed over rather than failing the whole library."""
    columns = connection.execute(
        "SELECT id, label, name, datatype, normalized FROM custom_columns"
        " WHERE mark_for_delete = 0 ORDER BY id"
    ).fetchall()
    by_book: defaultdict[int, list[CustomValue]] = defaultdict(list)
    for column_id, label, name, datatype, normalized in columns:
        if datatype in _COMPUTED_COLUMNS:
            continue
        try:
            values = _linked(connection, _custom_column_sql(int(column_id), bool(normalized)))
        except sqlite3.OperationalError:
            continue
        for book_id, texts in values.items():
            shown = tuple(_custom_text(text, datatype) for text in texts)
            by_book[book_id].append(CustomValue(str(label), str(name), str(datatype), shown))
    return by_book


def _custom_column_sql(column_id: int, normalized: bool) -> str:
    """calibre keeps a normalized (tag-like) column as values + a link table, others as one
    value per book."""
    if normalized:
        return (
            f"SELECT l.book, v.value FROM books_custom_column_{column_id}_link l"
            f" JOIN custom_column_{column_id} v ON v.id = l.value ORDER BY l.id"
        )
    return f"SELECT book, value FROM custom_column_{column_id}"


def _custom_text(value: str, datatype: str) -> str:
    if datatype == "bool":
        return "true" if value not in ("0", "") else "false"
    if datatype == "float" and value.endswith(".0"):
        return value[:-2]
    return value

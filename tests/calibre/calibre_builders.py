"""A small calibre library built the way calibre lays one out: metadata.db with calibre's own
tables (the columns and types of calibre 6's schema, for the tables ficshelf reads) and each
book's files in ``Author/Title (id)/``. The EPUBs are built with zipfile."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE books ( id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL DEFAULT 'Unknown' COLLATE NOCASE,
    sort TEXT COLLATE NOCASE,
    timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    pubdate TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    series_index REAL NOT NULL DEFAULT 1.0,
    author_sort TEXT COLLATE NOCASE,
    isbn TEXT DEFAULT "" COLLATE NOCASE,
    lccn TEXT DEFAULT "" COLLATE NOCASE,
    path TEXT NOT NULL DEFAULT "",
    flags INTEGER NOT NULL DEFAULT 1,
    uuid TEXT,
    has_cover BOOL DEFAULT 0,
    last_modified TIMESTAMP NOT NULL DEFAULT "2000-01-01 00:00:00+00:00");
CREATE TABLE authors ( id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
    sort TEXT COLLATE NOCASE, link TEXT NOT NULL DEFAULT "", UNIQUE(name));
CREATE TABLE books_authors_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    author INTEGER NOT NULL, UNIQUE(book, author));
CREATE TABLE tags ( id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE, UNIQUE (name));
CREATE TABLE books_tags_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    tag INTEGER NOT NULL, UNIQUE(book, tag));
CREATE TABLE series ( id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
    sort TEXT COLLATE NOCASE, UNIQUE (name));
CREATE TABLE books_series_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    series INTEGER NOT NULL, UNIQUE(book));
CREATE TABLE comments ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    text TEXT NOT NULL COLLATE NOCASE, UNIQUE(book));
CREATE TABLE publishers ( id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
    sort TEXT COLLATE NOCASE, UNIQUE(name));
CREATE TABLE books_publishers_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    publisher INTEGER NOT NULL, UNIQUE(book));
CREATE TABLE languages ( id INTEGER PRIMARY KEY, lang_code TEXT NOT NULL COLLATE NOCASE,
    UNIQUE(lang_code));
CREATE TABLE books_languages_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    lang_code INTEGER NOT NULL, item_order INTEGER NOT NULL DEFAULT 0, UNIQUE(book, lang_code));
CREATE TABLE identifiers ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    type TEXT NOT NULL DEFAULT "isbn" COLLATE NOCASE, val TEXT NOT NULL COLLATE NOCASE,
    UNIQUE(book, type));
CREATE TABLE ratings ( id INTEGER PRIMARY KEY,
    rating INTEGER CHECK(rating > -1 AND rating < 11), UNIQUE (rating));
CREATE TABLE books_ratings_link ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    rating INTEGER NOT NULL, UNIQUE(book, rating));
CREATE TABLE data ( id INTEGER PRIMARY KEY, book INTEGER NOT NULL,
    format TEXT NOT NULL COLLATE NOCASE, uncompressed_size INTEGER NOT NULL,
    name TEXT NOT NULL, UNIQUE(book, format));
CREATE TABLE custom_columns ( id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT NOT NULL,
    name TEXT NOT NULL, datatype TEXT NOT NULL, mark_for_delete BOOL DEFAULT 0 NOT NULL,
    editable BOOL DEFAULT 1 NOT NULL, display TEXT DEFAULT "{}" NOT NULL,
    is_multiple BOOL DEFAULT 0 NOT NULL, normalized BOOL NOT NULL, UNIQUE(label));
"""


@dataclass
class Book:
    """One book to put in the library; ``files`` maps a calibre format name to its bytes."""

    title: str
    authors: Sequence[str]
    files: Mapping[str, bytes] = field(default_factory=dict)
    tags: Sequence[str] = ()
    series: tuple[str, float] | None = None
    comments: str | None = None
    publisher: str | None = None
    languages: Sequence[str] = ()
    identifiers: Mapping[str, str] = field(default_factory=dict)
    pubdate: str = "0101-01-01 00:00:00+00:00"  # calibre's "no date"
    stars: int | None = None
    custom: Mapping[str, Sequence[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    """A custom column; tag-like (normalized) columns get a value table and a link table."""

    label: str
    name: str
    datatype: str = "text"
    is_multiple: bool = True

    @property
    def normalized(self) -> bool:
        return self.datatype in {"text", "enumeration", "series", "rating"}


def build_library(root: Path, books: Sequence[Book], columns: Sequence[Column] = ()) -> Path:
    """Write ``root/metadata.db`` and the books' files; return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(root / "metadata.db")) as db, db:
        db.executescript(SCHEMA)
        column_ids = {column.label: _add_column(db, column) for column in columns}
        by_label = {column.label: column for column in columns}
        for book in books:
            book_id = _add_book(db, root, book)
            for label, values in book.custom.items():
                _set_custom(db, column_ids[label], by_label[label], book_id, values)
    return root


def _add_book(db: sqlite3.Connection, root: Path, book: Book) -> int:
    cursor = db.execute(
        "INSERT INTO books (title, sort, pubdate, series_index, author_sort) VALUES (?,?,?,?,?)",
        (book.title, book.title, book.pubdate, book.series[1] if book.series else 1.0, ""),
    )
    book_id = int(cursor.lastrowid or 0)
    folder = f"{book.authors[0] if book.authors else 'Unknown'}/{book.title} ({book_id})"
    db.execute("UPDATE books SET path = ? WHERE id = ?", (folder, book_id))
    for author in book.authors:
        _link(db, "authors", "name", author, "books_authors_link", "author", book_id)
    for tag in book.tags:
        _link(db, "tags", "name", tag, "books_tags_link", "tag", book_id)
    if book.series:
        _link(db, "series", "name", book.series[0], "books_series_link", "series", book_id)
    if book.publisher:
        _link(
            db, "publishers", "name", book.publisher, "books_publishers_link", "publisher", book_id
        )
    for code in book.languages:
        _link(db, "languages", "lang_code", code, "books_languages_link", "lang_code", book_id)
    if book.stars is not None:
        _link(db, "ratings", "rating", book.stars, "books_ratings_link", "rating", book_id)
    if book.comments:
        db.execute("INSERT INTO comments (book, text) VALUES (?, ?)", (book_id, book.comments))
    for kind, value in book.identifiers.items():
        db.execute(
            "INSERT INTO identifiers (book, type, val) VALUES (?,?,?)", (book_id, kind, value)
        )
    name = f"{book.title} - {book.authors[0] if book.authors else 'Unknown'}"
    for fmt, data in book.files.items():
        path = root / folder / f"{name}.{fmt.lower()}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        db.execute(
            "INSERT INTO data (book, format, uncompressed_size, name) VALUES (?,?,?,?)",
            (book_id, fmt, len(data), name),
        )
    return book_id


def _link(
    db: sqlite3.Connection,
    table: str,
    column: str,
    value: object,
    link_table: str,
    link_column: str,
    book_id: int,
) -> None:
    db.execute(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", (value,))
    (item_id,) = db.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,)).fetchone()
    db.execute(f"INSERT INTO {link_table} (book, {link_column}) VALUES (?, ?)", (book_id, item_id))


def _add_column(db: sqlite3.Connection, column: Column) -> int:
    cursor = db.execute(
        "INSERT INTO custom_columns (label, name, datatype, is_multiple, normalized)"
        " VALUES (?,?,?,?,?)",
        (column.label, column.name, column.datatype, column.is_multiple, column.normalized),
    )
    number = int(cursor.lastrowid or 0)
    if column.normalized:
        db.execute(f"CREATE TABLE custom_column_{number} (id INTEGER PRIMARY KEY, value TEXT)")
        db.execute(
            f"CREATE TABLE books_custom_column_{number}_link (id INTEGER PRIMARY KEY,"
            " book INTEGER NOT NULL, value INTEGER NOT NULL)"
        )
    else:
        db.execute(
            f"CREATE TABLE custom_column_{number} (id INTEGER PRIMARY KEY,"
            " book INTEGER, value TEXT)"
        )
    return number


def _set_custom(
    db: sqlite3.Connection, number: int, column: Column, book_id: int, values: Sequence[str]
) -> None:
    for value in values:
        if not column.normalized:
            db.execute(
                f"INSERT INTO custom_column_{number} (book, value) VALUES (?, ?)", (book_id, value)
            )
            continue
        db.execute(f"INSERT INTO custom_column_{number} (value) VALUES (?)", (value,))
        (value_id,) = db.execute(
            f"SELECT id FROM custom_column_{number} WHERE value = ?", (value,)
        ).fetchone()
        db.execute(
            f"INSERT INTO books_custom_column_{number}_link (book, value) VALUES (?, ?)",
            (book_id, value_id),
        )


# --- EPUBs ------------------------------------------------------------------------------------

_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def _xhtml(body: str) -> str:
    return (
        "<?xml version='1.0' encoding='utf-8'?>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>page</title></head>'
        f"<body>{body}</body></html>"
    )


def epub(metadata: str, pages: Mapping[str, str]) -> bytes:
    """An EPUB 2 whose OPF holds ``metadata`` and whose spine is ``pages`` (name -> body)."""
    manifest = "".join(
        f'<item id="p{i}" href="{name}" media-type="application/xhtml+xml"/>'
        for i, name in enumerate(pages)
    )
    spine = "".join(f'<itemref idref="p{i}"/>' for i in range(len(pages)))
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:opf="http://www.idpf.org/2007/opf"><dc:identifier id="id">x</dc:identifier>'
        f"{metadata}</metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", _CONTAINER)
        archive.writestr("content.opf", opf)
        for name, body in pages.items():
            archive.writestr(name, _xhtml(body), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def fanficfare_epub(title: str, author: str, title_page: str, chapters: Sequence[str]) -> bytes:
    """An EPUB as FanFicFare saves one: its contributor mark and a title page of labels."""
    metadata = (
        f"<dc:title>{title}</dc:title><dc:creator opf:role='aut'>{author}</dc:creator>"
        "<dc:contributor opf:role='bkp'>FanFicFare [https://github.com/JimmXinu/FanFicFare]"
        "</dc:contributor><dc:language>en</dc:language>"
    )
    pages = {"title_page.xhtml": title_page}
    pages.update({f"file{n:04d}.xhtml": text for n, text in enumerate(chapters, start=1)})
    return epub(metadata, pages)

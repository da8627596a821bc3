"""What calibre knows about a book, as a RawWork, and how it fills what the book's file lacks.

calibre keeps a fic's metadata the way FanFicFare's calibre plugin writes it: every kind of tag
(fandom, genres, characters, pairings, status, "FanFiction") in calibre's one list of tags, the
summary as HTML in comments, the site as publisher, the story's address as an identifier, and,
for some users, custom columns for characters, ships, rating and so on. ``calibre_raw_work``
sorts those back into RawWork's fields as written, so the wrangler reads them like any header;
``overlay`` then lets the book's own file speak first and calibre fill the gaps. Both are pure.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from ficshelf.library.calibre_db import BookFile, CalibreBook, CustomValue
from ficshelf.model import RawWork, SeriesRef, Status
from ficshelf.parse.dates import parse_date
from ficshelf.parse.html_text import html_to_text
from ficshelf.parse.plaintext.filename import title_from_path
from ficshelf.vocab import category_from, fold, rating_from, status_from, warning_from, words
from ficshelf.wrangle.kb import KnowledgeBase

CALIBRE_FORMAT = "calibre"
SOURCE_URL = "Source URL"  # the extra key FanFicFare's EPUB title page also fills
_TAG_FIELDS = ("fandoms", "warnings", "categories", "relationships", "characters", "freeforms")
_STAR_COLUMN = "rating"  # calibre's datatype for star ratings: a reader's opinion, not content


@dataclass(frozen=True, slots=True)
class _Settings:
    preferred_formats: tuple[str, ...]
    placeholder_titles: frozenset[str]
    placeholder_authors: frozenset[str]
    marker_tags: frozenset[str]
    updated_prefixes: tuple[str, ...]
    dropped_prefixes: tuple[str, ...]
    identifier_urls: Mapping[str, str]
    column_fields: Mapping[str, str]


@functools.cache
def settings() -> _Settings:
    """``data/calibre.toml``, folded for lookups."""
    text = resources.files("ficshelf.data").joinpath("calibre.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return _Settings(
        preferred_formats=tuple(fmt.upper() for fmt in data["formats"]["preferred"]),
        placeholder_titles=frozenset(fold(t) for t in data["placeholders"]["titles"]),
        placeholder_authors=frozenset(fold(a) for a in data["placeholders"]["authors"]),
        marker_tags=frozenset(fold(t) for t in data["tags"]["markers"]),
        updated_prefixes=tuple(p.casefold() for p in data["tags"]["updated"]),
        dropped_prefixes=tuple(p.casefold() for p in data["tags"]["dropped"]),
        identifier_urls={kind.casefold(): url for kind, url in data["identifiers"].items()},
        column_fields={
            fold(name): target for target, names in data["custom_columns"].items() for name in names
        },
    )


@dataclass(slots=True)
class _Fields:
    """RawWork fields gathered from tags and custom columns, as written."""

    tags: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in _TAG_FIELDS})
    rating: str | None = None
    status: str | None = None
    updated: dt.date | None = None
    published: dt.date | None = None
    words: int | None = None
    chapters: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def calibre_raw_work(book: CalibreBook, path: str, kb: KnowledgeBase) -> RawWork:
    """calibre's metadata for ``book`` as a RawWork (no chapters) for the file at ``path``.

    Tags are sorted by what they name: a status, a rating, an archive warning, a category or a
    fandom ``kb`` knows go to those fields; FanFicFare's marker and date tags are read or
    dropped; the rest are freeforms. calibre's star rating is kept as extra, never as a rating.
    """
    fields = _Fields()
    for tag in book.tags:
        _sort_tag(tag, kb, fields)
    for column in book.custom:
        _read_column(column, fields)
    summary = html_to_text(book.comments).strip() if book.comments else ""
    return RawWork(
        path=path,
        format=CALIBRE_FORMAT,
        encoding=None,
        title=book.title if fold(book.title) not in settings().placeholder_titles else None,
        authors=tuple(a for a in book.authors if fold(a) not in settings().placeholder_authors),
        fandoms=tuple(fields.tags["fandoms"]),
        rating=fields.rating,
        warnings=tuple(fields.tags["warnings"]),
        categories=tuple(fields.tags["categories"]),
        relationships=tuple(fields.tags["relationships"]),
        characters=tuple(fields.tags["characters"]),
        freeforms=tuple(fields.tags["freeforms"]),
        summary=summary or None,
        series=_series(book),
        language=book.languages[0] if book.languages else None,
        words=fields.words,
        chapter_count=fields.chapters,
        status=fields.status,
        published=fields.published or book.pubdate,
        updated=fields.updated,
        extra={**_book_extra(book), **fields.extra},
    )


def overlay(raw: RawWork, calibre: RawWork) -> RawWork:
    """``raw`` (read from the book's file) with calibre's metadata wherever the file is silent.

    The file speaks first: its title (unless it is only the file's name), authors, series,
    summary, dates and rating stay. calibre's tags are added to the file's, except those the
    file already has in any field (FanFicFare puts a fic's characters in calibre's tags too).
    """
    written = _written_tags(raw)
    added = {name: tuple(_new_values(getattr(calibre, name), written)) for name in _TAG_FIELDS}
    return replace(
        raw,
        title=raw.title if _has_own_title(raw) else calibre.title or raw.title,
        authors=raw.authors or calibre.authors,
        rating=raw.rating or calibre.rating,
        summary=raw.summary or calibre.summary,
        series=raw.series or calibre.series,
        language=raw.language or calibre.language,
        words=_known(raw.words, calibre.words),
        chapter_count=_known(raw.chapter_count, calibre.chapter_count),
        status=raw.status or calibre.status,
        published=raw.published or calibre.published,
        updated=raw.updated or calibre.updated,
        extra={**calibre.extra, **raw.extra},
        **{name: getattr(raw, name) + added[name] for name in _TAG_FIELDS},
    )


def readable_files(files: Sequence[BookFile]) -> tuple[BookFile, ...]:
    """The book's files in formats ficshelf reads, the preferred format first."""
    order = settings().preferred_formats
    return tuple(
        sorted((f for f in files if f.format in order), key=lambda f: order.index(f.format))
    )


def _sort_tag(tag: str, kb: KnowledgeBase, fields: _Fields) -> None:
    folded = fold(tag)
    lowered = tag.strip().casefold()
    if folded in settings().marker_tags or lowered.startswith(settings().dropped_prefixes):
        return
    for prefix in settings().updated_prefixes:
        if lowered.startswith(prefix):
            fields.updated = fields.updated or parse_date(tag.strip()[len(prefix) :].strip())
            return
    if (status := status_from(tag)) is not None:
        fields.status = fields.status or status.value
    elif _names_rating(tag):
        fields.rating = fields.rating or tag
    elif warning_from(tag) is not None:
        fields.tags["warnings"].append(tag)
    elif category_from(tag) is not None:
        fields.tags["categories"].append(tag)
    elif kb.fandom(tag) is not None:
        fields.tags["fandoms"].append(tag)
    else:
        fields.tags["freeforms"].append(tag)


def _names_rating(tag: str) -> bool:
    """A tag that is a rating and nothing more ("Mature", "PG-13"), not one that starts with a
    rating word ("Explicit Language" is a freeform)."""
    rating = rating_from(tag)
    return rating is not None and len(words(tag)) <= len(words(rating.value))


def _read_column(column: CustomValue, fields: _Fields) -> None:
    target = settings().column_fields.get(fold(column.label)) or settings().column_fields.get(
        fold(column.name)
    )
    values = [v for v in column.values if v.strip()]
    if not values:
        return
    if target in _TAG_FIELDS:
        fields.tags[target].extend(values)
    elif target == "rating" and column.datatype != _STAR_COLUMN:
        fields.rating = fields.rating or values[0]
    elif target == "status":
        fields.status = fields.status or _column_status(values[0], column.datatype)
    elif target == "words":
        fields.words = _number(values[0])
    elif target == "chapters":
        fields.chapters = _number(values[0])
    elif target == "published":
        fields.published = parse_date(values[0][:10])
    elif target == "updated":
        fields.updated = parse_date(values[0][:10])
    elif target == "source_url":
        fields.extra[SOURCE_URL] = values[0]
    else:
        fields.extra[column.name] = ", ".join(_column_text(v, column.datatype) for v in values)


def _column_status(value: str, datatype: str) -> str | None:
    """A yes/no "Completed" column, or a text one ("Completed", "In-Progress")."""
    if datatype == "bool":
        return (Status.COMPLETE if value == "true" else Status.IN_PROGRESS).value
    status = status_from(value)
    return status.value if status else None


def _column_text(value: str, datatype: str) -> str:
    return html_to_text(value).strip() if datatype == "comments" else value


def _number(text: str) -> int | None:
    digits = text.replace(",", "").strip()
    try:
        return int(float(digits))
    except ValueError:
        return None


def _series(book: CalibreBook) -> tuple[SeriesRef, ...]:
    if not book.series:
        return ()
    index = book.series_index
    position = int(index) if index is not None and index.is_integer() else None
    return (SeriesRef(book.series, position),)


def _book_extra(book: CalibreBook) -> dict[str, str]:
    """Facts with no RawWork field: where the story lives online, the site, calibre's id."""
    extra = {"calibre id": str(book.id)}
    urls = settings().identifier_urls
    others: list[str] = []
    for kind, value in book.identifiers:
        template = urls.get(kind.casefold())
        if template is not None and SOURCE_URL not in extra:
            extra[SOURCE_URL] = template.format(value)
        elif template is None:
            others.append(f"{kind}:{value}")
    if others:
        extra["Identifiers"] = ", ".join(others)
    if book.publisher:
        extra["Publisher"] = book.publisher
    if book.stars:
        extra["calibre rating"] = f"{book.stars / 2:g}/5"
    return extra


def _written_tags(raw: RawWork) -> frozenset[str]:
    """Every tag the file states, folded, whole values and their comma-separated parts."""
    values: list[str] = [raw.rating or "", raw.status or ""]
    for name in _TAG_FIELDS:
        for value in getattr(raw, name):
            values.append(value)
            values.extend(value.split(","))
    return frozenset(fold(v) for v in values if v.strip())


def _new_values(values: Iterable[str], written: frozenset[str]) -> Iterable[str]:
    seen = set(written)
    for value in values:
        if fold(value) not in seen:
            seen.add(fold(value))
            yield value


def _has_own_title(raw: RawWork) -> bool:
    """A title the file states; one made from the file's name is only a guess."""
    title = (raw.title or "").strip()
    return bool(title) and title != title_from_path(raw.path)


def _known(first: int | None, second: int | None) -> int | None:
    return first if first is not None else second

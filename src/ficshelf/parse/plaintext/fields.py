"""Turn header entries into RawWork fields.

Tag fields keep one element per header value, as written; only closed vocabularies are split
here (FFN genres, AO3 stats). Values a field cannot hold ("Размер: мини" for words, a date we
cannot read) go to ``extra`` under their label, so nothing the author wrote is lost.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ficshelf.model import RawWork, SeriesRef, Status
from ficshelf.parse.dates import parse_date
from ficshelf.parse.language import language_code
from ficshelf.parse.plaintext.ffn import looks_like_ffn, parse_ffn_line, split_genres
from ficshelf.parse.plaintext.header import Entry, Header
from ficshelf.parse.plaintext.labels import extra_key, vocabulary
from ficshelf.parse.plaintext.values import (
    parse_chapters,
    parse_count,
    parse_series,
    parse_status,
    parse_word_count,
    split_authors,
)

# Values stacked one per line under these labels are separate tags, not one wrapped value.
_LIST_KEYS = frozenset(
    {
        "authors",
        "fandoms",
        "category",
        "categories",
        "relationships",
        "characters",
        "warnings",
        "freeforms",
    }
)
_WORDS = re.compile(r"[\w'/+-]+")
# "Stand by Me" alone is a title; "Stand by Me" above a block of labels may be "Title by Author".
_MIN_LABELS_FOR_BY_SPLIT = 2
_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("'", "'"))


def header_fields(header: Header, *, path: str, encoding: str | None) -> RawWork:
    """Interpret every entry of ``header``; later entries never overwrite earlier scalars.

    The result holds only what the header states: no chapters, and no title from the file name.
    """
    builder = _Builder()
    if header.byline:
        builder.authors.extend(split_authors(header.byline))
    for entry in header.entries:
        builder.take(entry)
    builder.take_title_line(header)
    return builder.freeze(path, encoding)


def _values(entry: Entry) -> list[str]:
    """One value per stacked line for tag lists; else one value, paragraphs kept apart."""
    if entry.stacked and entry.key in _LIST_KEYS:
        return [line.strip() for line in entry.lines if line.strip()]
    paragraphs = " ".join(line.strip() if line else "\n\n" for line in entry.lines)
    joined = re.sub(r" ?\n\n ?", "\n\n", paragraphs).strip()
    return [joined] if joined else []


@functools.cache
def _word_set(section: str, key: str = "words") -> frozenset[str]:
    return frozenset(word.casefold() for word in vocabulary()[section][key])


def _category_target(value: str) -> str:
    """Where a "Category:" value belongs: categories, freeforms (genres) or fandoms."""
    words = {word.casefold() for word in _WORDS.findall(value)}
    phrases = {part.strip().casefold() for part in re.split(r"[,;]", value)}
    if (words | phrases) & _word_set("category_words"):
        return "categories"
    if (words | phrases) & _word_set("genre_words"):
        return "freeforms"
    return "fandoms"


def _split_orientations(value: str) -> tuple[str, str]:
    """ "Slash, Angst, Romance" -> ("Slash", "Angst, Romance"); pieces kept as written."""
    pieces = [piece.strip() for piece in re.split(r"[,;]", value) if piece.strip()]
    orientation = [piece for piece in pieces if _is_orientation(piece)]
    if not orientation:
        return "", value
    if len(orientation) == len(pieces):
        return value, ""
    rest = [piece for piece in pieces if piece not in orientation]
    return ", ".join(orientation), ", ".join(rest)


def _is_orientation(piece: str) -> bool:
    words = {word.casefold() for word in _WORDS.findall(piece)}
    return bool(({piece.casefold()} | words) & _word_set("category_words"))


def _unquote(value: str) -> str:
    """'Title: "Snowfall"' names the title Snowfall."""
    for opening, closing in _QUOTE_PAIRS:
        if len(value) > len(opening) + 1 and value.startswith(opening) and value.endswith(closing):
            return value[1:-1].strip()
    return value


@dataclass(slots=True)
class _Builder:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    rating: str | None = None
    warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    freeforms: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    series: list[SeriesRef] = field(default_factory=list)
    language: str | None = None
    words: int | None = None
    chapter_count: int | None = None
    chapters_expected: int | None = None
    chapters_total_written: bool = False
    status: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def take(self, entry: Entry) -> None:
        values = _values(entry)
        if not values:
            return
        handler = self._handlers().get(entry.key or "", None)
        if handler is None:
            self._keep_extra(entry.label, values)
            return
        for value in values:
            handler(entry.label, value)

    def _handlers(self) -> dict[str, Callable[[str, str], None]]:
        return {
            "title": self._take_title,
            "authors": lambda _label, value: self.authors.extend(split_authors(value)),
            "fandoms": lambda _label, value: self.fandoms.append(value),
            "category": self._take_category,
            "categories": lambda _label, value: self.categories.append(value),
            "relationships": lambda _label, value: self.relationships.append(value),
            "characters": lambda _label, value: self.characters.append(value),
            "warnings": lambda _label, value: self.warnings.append(value),
            "freeforms": self._take_freeform,
            "rating": self._take_rating,
            "summary": lambda _label, value: self.summary.append(value),
            "notes": lambda _label, value: self.notes.append(value),
            "series": self._take_series,
            "language": self._take_language,
            "words": self._take_words,
            "size": self._take_size,
            "status": self._take_status,
            "completed": self._take_completed,
            "published": self._take_published,
            "updated": self._take_updated,
            "chapters": self._take_chapters,
            "stats": self._keep_one_extra,
            "body_marker": lambda _label, _value: None,
        }

    # -- one handler per kind of value ----------------------------------------------------

    def _take_title(self, label: str, value: str) -> None:
        if self.title is None:
            self.title = _unquote(value)
        else:
            self._keep_one_extra(label, value)

    def _take_category(self, _label: str, value: str) -> None:
        """ "Category: Slash, Angst" states an orientation and a genre: each goes to its field."""
        orientations, rest = _split_orientations(value)
        if orientations:
            self.categories.append(orientations)
        if not rest:
            return
        if _category_target(rest) == "freeforms":
            self.freeforms.append(rest)
        else:
            self.fandoms.append(rest)

    def _take_freeform(self, _label: str, value: str) -> None:
        genres = split_genres(value)
        self.freeforms.extend(genres if genres and len(genres) > 1 else (value,))

    def _take_rating(self, label: str, value: str) -> None:
        if looks_like_ffn(value):
            self._take_ffn(value)
        elif self.rating is None:
            self.rating = value
        else:
            self._keep_one_extra(label, value)

    def _take_ffn(self, value: str) -> None:
        line = parse_ffn_line(value)
        self.rating = self.rating or line.rating
        self.language = self.language or (language_code(line.language) or line.language)
        self.freeforms.extend(line.genres)
        self.characters.extend(line.characters)
        self.relationships.extend(line.relationships)
        self.words = self.words if self.words is not None else line.words
        self.chapter_count = self.chapter_count or line.chapter_count
        self.status = self.status or line.status
        self.published = self.published or line.published
        self.updated = self.updated or line.updated
        for key, tally in line.extra.items():
            self.extra.setdefault(extra_key(key), tally)

    def _take_series(self, label: str, value: str) -> None:
        if value.strip(" .!").casefold() in _word_set("empty", "values"):
            return
        series = parse_series(value)
        if series is not None and parse_status(value) is None:
            self.series.append(series)
        else:
            self._keep_one_extra(label, value)

    def _take_language(self, _label: str, value: str) -> None:
        self.language = self.language or language_code(value) or value

    def _take_words(self, label: str, value: str) -> None:
        count = parse_count(value)
        if count is None:
            self._keep_one_extra(label, value)
        elif self.words is None:
            self.words = count

    def _take_size(self, label: str, value: str) -> None:
        count = parse_word_count(value)
        if count is not None and self.words is None:
            self.words = count
        else:
            self._keep_one_extra(label, value)

    def _take_status(self, label: str, value: str) -> None:
        status = parse_status(value)
        if status is None:
            self._keep_one_extra(label, value)
        self.status = self.status or status

    def _take_completed(self, label: str, value: str) -> None:
        date = parse_date(value)
        if date is not None:
            self.updated = self.updated or date
            self.status = self.status or Status.COMPLETE.value
            return
        self._take_status(label, value)

    def _take_published(self, label: str, value: str) -> None:
        date = parse_date(value)
        if date is None:
            self._keep_one_extra(label, value)
        self.published = self.published or date

    def _take_updated(self, label: str, value: str) -> None:
        date = parse_date(value)
        if date is None:
            self._keep_one_extra(label, value)
        self.updated = self.updated or date

    def _take_chapters(self, label: str, value: str) -> None:
        count, expected, total_written = parse_chapters(value)
        if count is None:
            self._keep_one_extra(label, value)
            return
        self.chapter_count = self.chapter_count or count
        self.chapters_expected = self.chapters_expected or expected
        self.chapters_total_written = self.chapters_total_written or total_written

    def _keep_one_extra(self, label: str, value: str) -> None:
        self._keep_extra(label, [value])

    def _keep_extra(self, label: str, values: list[str]) -> None:
        key = extra_key(label)
        text = " ".join(values)
        if key in self.extra:
            self.extra[key] = f"{self.extra[key]}\n{text}"
        else:
            self.extra[key] = text

    # -- whole-header adjustments ---------------------------------------------------------

    def take_title_line(self, header: Header) -> None:
        """The title line, unless a "Title:" label named the title; then the line (often an
        unknown "Xxx: value" label on the first line) is kept in extra."""
        if header.title is None:
            return
        if self.title is not None:
            label, _, value = header.title.partition(":")
            self._keep_one_extra(label.strip() if value else "Heading", value.strip() or label)
            return
        self.title = header.title
        self.split_title_by_author(header)

    def split_title_by_author(self, header: Header) -> None:
        """eFiction printable pages open with "Title by Author" on one line."""
        if self.authors or not header.title or " by " not in header.title:
            return
        if sum(1 for entry in header.entries if entry.key) < _MIN_LABELS_FOR_BY_SPLIT:
            return
        title, _, author = header.title.rpartition(" by ")
        if title.strip() and author.strip():
            self.title = title.strip()
            self.authors.extend(split_authors(author))

    def derived_status(self) -> str | None:
        """A stated status wins; else "Chapters: 3/3" is complete and "3/?" in progress."""
        if self.status is not None:
            return self.status
        if not self.chapters_total_written or self.chapter_count is None:
            return None
        if self.chapters_expected == self.chapter_count:
            return Status.COMPLETE.value
        return Status.IN_PROGRESS.value

    def freeze(self, path: str, encoding: str | None) -> RawWork:
        return RawWork(
            path=path,
            format="text",
            encoding=encoding,
            origin="header",
            title=self.title,
            authors=tuple(dict.fromkeys(self.authors)),
            fandoms=tuple(self.fandoms),
            rating=self.rating,
            warnings=tuple(self.warnings),
            categories=tuple(self.categories),
            relationships=tuple(self.relationships),
            characters=tuple(self.characters),
            freeforms=tuple(self.freeforms),
            summary="\n\n".join(self.summary) or None,
            notes="\n\n".join(self.notes) or None,
            series=tuple(self.series),
            language=self.language,
            words=self.words,
            chapter_count=self.chapter_count,
            chapters_expected=self.chapters_expected,
            status=self.derived_status(),
            published=self.published,
            updated=self.updated,
            extra=dict(self.extra),
        )

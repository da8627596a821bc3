"""Domain types shared by every stage of the pipeline.

read -> ``Document``; parse -> ``RawWork`` (metadata as written); wrangle -> ``Work`` (canonical
tags with the written form and the reason kept beside each). All are plain frozen dataclasses so a
stage can never mutate what an earlier stage produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    """The container a file turned out to be, decided by sniffing its bytes (not its name)."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    EPUB = "epub"


class TagType(StrEnum):
    FANDOM = "fandom"
    RELATIONSHIP = "relationship"
    CHARACTER = "character"
    FREEFORM = "freeform"


class Rating(StrEnum):
    GENERAL = "General Audiences"
    TEEN = "Teen And Up Audiences"
    MATURE = "Mature"
    EXPLICIT = "Explicit"
    NOT_RATED = "Not Rated"

    @property
    def rank(self) -> int:
        """Order used by range queries: Not Rated sorts below General."""
        return _RATING_RANK[self]


_RATING_RANK = {
    Rating.NOT_RATED: 0,
    Rating.GENERAL: 1,
    Rating.TEEN: 2,
    Rating.MATURE: 3,
    Rating.EXPLICIT: 4,
}


class Warning(StrEnum):  # AO3's own word; ficshelf never uses the builtin Warning
    VIOLENCE = "Graphic Depictions Of Violence"
    MCD = "Major Character Death"
    NONCON = "Rape/Non-Con"
    UNDERAGE = "Underage Sex"
    NONE_APPLY = "No Archive Warnings Apply"
    CHOSE_NOT = "Creator Chose Not To Use Archive Warnings"


class Category(StrEnum):
    FF = "F/F"
    FM = "F/M"
    GEN = "Gen"
    MM = "M/M"
    MULTI = "Multi"
    OTHER = "Other"


class Status(StrEnum):
    COMPLETE = "complete"
    IN_PROGRESS = "in-progress"


@dataclass(frozen=True, slots=True)
class Document:
    """A file decoded into text, or an opened EPUB, ready for a format parser.

    ``text`` is the decoded text for TEXT/MARKDOWN/HTML sources. For EPUB, ``members`` maps
    each (bounded, path-checked) archive member name to its bytes and ``text`` is empty.
    """

    path: str
    kind: SourceKind
    encoding: str | None
    text: str
    members: Mapping[str, bytes] = field(default_factory=dict)
    size: int = 0


@dataclass(frozen=True, slots=True)
class SeriesRef:
    name: str
    position: int | None = None


@dataclass(frozen=True, slots=True)
class RawChapter:
    """One chapter. ``html`` is sanitized HTML when the source was HTML/EPUB, else None.

    ``notes`` come before the chapter text, ``end_notes`` after it (AO3 keeps them apart).
    ``words`` is counted from ``text`` by the parse stage; None on a chapter made elsewhere
    (read back from a library, built by hand), which ``parse.words.chapter_words`` counts.
    """

    title: str | None
    text: str
    html: str | None = None
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None
    words: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class RawWork:
    """Metadata exactly as the file states it, before any tag wrangling.

    Tag fields hold what was written: for AO3 files one element per tag; for free-form headers
    one element per header value (the wrangler splits lists and drops filler). ``origin``
    says whose vocabulary the tags use: "ao3" means AO3's wrangled names, trusted to teach the
    knowledge base; "ficshelf" means canonical names from ficshelf's own export (never taught:
    they are our own guesses); "header" means a person's free text.
    """

    path: str
    format: str
    encoding: str | None
    origin: str = "header"
    title: str | None = None
    authors: tuple[str, ...] = ()
    fandoms: tuple[str, ...] = ()
    rating: str | None = None
    warnings: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    characters: tuple[str, ...] = ()
    freeforms: tuple[str, ...] = ()
    summary: str | None = None
    notes: str | None = None
    end_notes: str | None = None
    series: tuple[SeriesRef, ...] = ()
    language: str | None = None
    words: int | None = None
    chapter_count: int | None = None
    chapters_expected: int | None = None
    status: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    chapters: tuple[RawChapter, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TagRef:
    """A tag on a work: its canonical name, what the file wrote, and why they are linked.

    ``how`` is a short human reason ("alias in knowledge base: Naruto", "user rule",
    "inferred from characters: Umino Iruka, Hatake Kakashi", "unknown: kept as written").
    ``known`` is False when the wrangler could not place the tag (listed for review).
    """

    type: TagType
    name: str
    written: str
    how: str = ""
    known: bool = True


@dataclass(frozen=True, slots=True)
class Work:
    """A wrangled work: canonical tags plus everything the reader and search need."""

    raw: RawWork
    title: str
    authors: tuple[str, ...]
    fandoms: tuple[TagRef, ...]
    rating: Rating
    warnings: tuple[Warning, ...]
    categories: tuple[Category, ...]
    relationships: tuple[TagRef, ...]
    characters: tuple[TagRef, ...]
    freeforms: tuple[TagRef, ...]
    summary: str | None
    notes: str | None
    series: tuple[SeriesRef, ...]
    language: str | None
    words: int
    chapters: tuple[RawChapter, ...]
    status: Status | None
    published: dt.date | None
    updated: dt.date | None
    fandom_inferred: bool = False
    decisions: tuple[str, ...] = ()

    @property
    def tags(self) -> tuple[TagRef, ...]:
        return self.fandoms + self.relationships + self.characters + self.freeforms

    @property
    def body_start(self) -> str:
        """First 300 characters of the story proper (the first chapter with text)."""
        for chapter in self.chapters:
            text = chapter.text.strip()
            if text:
                return text[:300]
        return ""

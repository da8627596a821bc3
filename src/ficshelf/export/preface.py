"""What a work's preface says, worked out once for every export format.

The EPUB and HTML templates, the plain-text header and the Markdown front matter all show the
same facts; deciding them here (which fields, which labels, the Stats line, chapter headings)
keeps the formats in agreement and the writers down to layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ficshelf.export.labels import labels, language_name
from ficshelf.model import RawChapter, SeriesRef, Status, Work
from ficshelf.parse.plaintext.layout import is_heading_shape


@dataclass(frozen=True, slots=True)
class TagField:
    """A labelled line of the preface's tag list ("Relationships: A/B, C/D")."""

    field: str
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeriesLine:
    """ "Part 2 of" + the series name (the prefix is empty when the position is unknown)."""

    prefix: str
    name: str


@dataclass(frozen=True, slots=True)
class Stat:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Preface:
    title: str
    authors: tuple[str, ...]
    provenance: str
    tag_fields: tuple[TagField, ...]
    """Rating to Additional Tags, in AO3's order; fields without values are left out."""
    language: str | None
    series: tuple[SeriesLine, ...]
    stats: tuple[Stat, ...]
    summary: str | None
    notes: str | None
    end_notes: str | None

    def label(self, field: str, count: int = 1) -> str:
        """The preface label of a non-tag field ("language", "series", "stats")."""
        found = next(entry for entry in labels().preface if entry.field == field)
        return found.for_count(count)


def preface(work: Work) -> Preface:
    """The preface facts of ``work`` in AO3's layout."""
    return Preface(
        title=work.title,
        authors=work.authors,
        provenance=_provenance(work),
        tag_fields=tag_fields(work),
        language=language_name(work.language),
        series=tuple(series_line(ref) for ref in work.series),
        stats=stats(work),
        summary=_text_or_none(work.summary),
        notes=_text_or_none(work.notes),
        end_notes=_text_or_none(work.raw.end_notes),
    )


def tag_values(work: Work) -> dict[str, tuple[str, ...]]:
    """Canonical tag names per preface field, in the wrangler's order."""
    return {
        "rating": (work.rating.value,),
        "warnings": tuple(warning.value for warning in work.warnings),
        "categories": tuple(category.value for category in work.categories),
        "fandoms": tuple(tag.name for tag in work.fandoms),
        "relationships": tuple(tag.name for tag in work.relationships),
        "characters": tuple(tag.name for tag in work.characters),
        "freeforms": tuple(tag.name for tag in work.freeforms),
    }


def tag_fields(work: Work) -> tuple[TagField, ...]:
    values = tag_values(work)
    return tuple(
        TagField(entry.field, entry.for_count(len(values[entry.field])), values[entry.field])
        for entry in labels().preface
        if values.get(entry.field)
    )


def series_line(ref: SeriesRef) -> SeriesLine:
    if ref.position is None:
        return SeriesLine("", ref.name)
    return SeriesLine(labels().phrases["series_part"].format(position=ref.position), ref.name)


def stats(work: Work) -> tuple[Stat, ...]:
    """AO3's Stats line. Chapters are stated only with a known status, because AO3's
    "n/n" and "n/?" are how a reader tells complete from in progress. The last update is
    stated whenever known, even on the day of publication (where AO3 leaves it out), so that
    reading the export back gives the same dates."""
    names = labels().stats
    found: list[Stat] = []
    if work.published is not None:
        found.append(Stat(names["published"], iso_date(work.published)))
    if work.updated is not None:
        key = "completed" if work.status is Status.COMPLETE else "updated"
        found.append(Stat(names[key], iso_date(work.updated)))
    found.append(Stat(names["words"], f"{work.words:,}"))
    if work.status is not None:
        found.append(Stat(names["chapters"], chapter_count(work)))
    return tuple(found)


def chapter_count(work: Work) -> str:
    """ "3/3" when complete, "3/5" or "3/?" while in progress."""
    count = len(work.chapters)
    if work.status is Status.COMPLETE:
        return f"{count}/{count}"
    expected = work.raw.chapters_expected
    return f"{count}/{expected if expected and expected > count else '?'}"


def chapter_heading(number: int, chapter: RawChapter) -> str:
    """ "Chapter 3: The Lake", or "Chapter 3" for an untitled chapter (AO3's wording)."""
    word = labels().phrases["chapter"]
    title = (chapter.title or "").strip()
    return f"{word} {number}: {title}" if title else f"{word} {number}"


def plain_heading(number: int, chapter: RawChapter) -> str:
    """The heading line for text and Markdown, whose readers keep the whole line as the title:
    a title that already reads as a heading ("Chapter 3: Home", "Epilogue") stands alone."""
    title = " ".join((chapter.title or "").split())
    return title if title and is_heading_shape(title) else chapter_heading(number, chapter)


def iso_date(day: dt.date) -> str:
    return day.isoformat()


def _provenance(work: Work) -> str:
    key = "from_ao3" if work.raw.origin == "ao3" else "from_elsewhere"
    return labels().phrases[key]


def _text_or_none(text: str | None) -> str | None:
    return text.strip() or None if text else None

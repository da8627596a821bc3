"""Drop characters no export can carry (XML forbids control codes) from a work's text fields.

Done once, before any writer runs, so titles, tags and notes are safe in every format and
the writers need not remember to clean each string they print.
"""

from __future__ import annotations

from dataclasses import replace

from ficshelf.export.markup import xml_safe
from ficshelf.model import RawChapter, SeriesRef, TagRef, Work


def printable_work(work: Work) -> Work:
    """``work`` with every metadata string made XML-safe (story bodies are cleaned later)."""
    return replace(
        work,
        raw=replace(work.raw, end_notes=_optional(work.raw.end_notes)),
        title=xml_safe(work.title).strip() or "Untitled",
        authors=tuple(name for name in (_line(a) for a in work.authors) if name),
        fandoms=_tags(work.fandoms),
        relationships=_tags(work.relationships),
        characters=_tags(work.characters),
        freeforms=_tags(work.freeforms),
        summary=_optional(work.summary),
        notes=_optional(work.notes),
        series=tuple(SeriesRef(_line(ref.name), ref.position) for ref in work.series if ref.name),
        chapters=tuple(_chapter(chapter) for chapter in work.chapters),
    )


def _line(text: str) -> str:
    return " ".join(xml_safe(text).split())


def _optional(text: str | None) -> str | None:
    return (xml_safe(text).strip() or None) if text else None


def _tags(tags: tuple[TagRef, ...]) -> tuple[TagRef, ...]:
    return tuple(replace(tag, name=_line(tag.name)) for tag in tags if _line(tag.name))


def _chapter(chapter: RawChapter) -> RawChapter:
    return replace(
        chapter,
        title=_optional(chapter.title),
        summary=_optional(chapter.summary),
        notes=_optional(chapter.notes),
        end_notes=_optional(chapter.end_notes),
    )

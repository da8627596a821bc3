"""The ``ficshelf inspect --json`` record: the stable, documented shape of one work as data.

Other tools, the search API and the archive's own evaluation read this shape, so the keys and
their order are a contract: add keys only at the end, never rename or reorder them. ``raw`` holds
the same keys (except ``raw``) with the values exactly as the file wrote them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeAlias

from ficshelf.model import RawChapter, RawWork, SeriesRef, TagRef, Work

RECORD_KEYS: tuple[str, ...] = (
    "path",
    "format",
    "encoding",
    "title",
    "authors",
    "fandoms",
    "rating",
    "warnings",
    "categories",
    "relationships",
    "characters",
    "freeforms",
    "summary",
    "notes",
    "series",
    "language",
    "words",
    "chapters",
    "status",
    "published",
    "updated",
    "body_start",
    "raw",
)

RAW_KEYS: tuple[str, ...] = RECORD_KEYS[:-1]

BODY_START_CHARS = 300

Record: TypeAlias = dict[str, object]


def work_record(work: Work) -> Record:
    """The contract record of a wrangled work: canonical values, plus ``raw`` as written."""
    raw = work.raw
    record: Record = {
        "path": raw.path,
        "format": raw.format,
        "encoding": raw.encoding,
        "title": work.title,
        "authors": list(work.authors),
        "fandoms": _tag_names(work.fandoms),
        "rating": work.rating.value,
        "warnings": [warning.value for warning in work.warnings],
        "categories": [category.value for category in work.categories],
        "relationships": _tag_names(work.relationships),
        "characters": _tag_names(work.characters),
        "freeforms": _tag_names(work.freeforms),
        "summary": work.summary,
        "notes": work.notes,
        "series": _series(work.series),
        "language": work.language,
        "words": work.words,
        "chapters": len(work.chapters),
        "status": work.status.value if work.status else None,
        "published": _date(work.published),
        "updated": _date(work.updated),
        "body_start": work.body_start,
        "raw": raw_record(raw),
    }
    return record


def raw_record(raw: RawWork) -> Record:
    """The ``raw`` part: what the file stated, before wrangling (``words`` is the stated count)."""
    return {
        "path": raw.path,
        "format": raw.format,
        "encoding": raw.encoding,
        "title": raw.title,
        "authors": list(raw.authors),
        "fandoms": list(raw.fandoms),
        "rating": raw.rating,
        "warnings": list(raw.warnings),
        "categories": list(raw.categories),
        "relationships": list(raw.relationships),
        "characters": list(raw.characters),
        "freeforms": list(raw.freeforms),
        "summary": raw.summary,
        "notes": raw.notes,
        "series": _series(raw.series),
        "language": raw.language,
        "words": raw.words,
        "chapters": raw.chapter_count,
        "status": raw.status,
        "published": _date(raw.published),
        "updated": _date(raw.updated),
        "body_start": body_start(raw.chapters),
    }


def body_start(chapters: Iterable[RawChapter]) -> str:
    """First characters of the story proper: the first chapter that has any text."""
    for chapter in chapters:
        text = chapter.text.strip()
        if text:
            return text[:BODY_START_CHARS]
    return ""


def _tag_names(tags: Iterable[TagRef]) -> list[str]:
    """Canonical names in the wrangler's order, each once."""
    return list(dict.fromkeys(tag.name for tag in tags))


def _series(series: Iterable[SeriesRef]) -> list[dict[str, object]]:
    return [{"name": ref.name, "position": ref.position} for ref in series]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None

"""Work -> plain text: a labelled header, then the chapters under "Chapter N: Title" lines.

The header uses labels ficshelf's plain-text reader knows (``data/export/labels.toml``), one
field per line, so the file reads back with the same metadata. Summaries and notes keep their
lines but lose blank lines inside them, which would end the header. Chapter summaries and notes
become "A/N:" paragraphs, the text reader's own shape for author's notes; the work's end notes
close the last chapter the same way.
"""

from __future__ import annotations

import re

from ficshelf.export.labels import labels, language_name
from ficshelf.export.preface import iso_date, plain_heading, series_line, tag_values
from ficshelf.model import Work

_DIVIDER = "* * *"
_BLANK_LINES = re.compile(r"\n\s*\n")


def render_text(work: Work) -> str:
    """The text file of ``work`` (expects a ``printable_work``)."""
    blocks = ["\n".join(_header(work)), _DIVIDER]
    titled = len(work.chapters) > 1 or any(chapter.title for chapter in work.chapters)
    last = len(work.chapters)
    for number, chapter in enumerate(work.chapters, start=1):
        if titled:
            blocks.append(plain_heading(number, chapter))
        if chapter.summary:
            blocks.append(_note(f"{labels().sections['chapter_summary']}: {chapter.summary}"))
        blocks.append(_note(chapter.notes))
        blocks.append(chapter.text.strip())
        blocks.append(_note(chapter.end_notes))
        if number == last:
            blocks.append(_note(work.raw.end_notes))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _note(text: str | None) -> str:
    """An "A/N:" paragraph: the text reader takes these, at a chapter's edges, as notes."""
    return f"{labels().text['chapter_notes']}: {_flat(text)}" if text else ""


def _header(work: Work) -> list[str]:
    label = labels().text
    lines = [f"{label['title']}: {work.title}"]
    if work.authors:
        lines.append(f"{label['authors']}: {', '.join(work.authors)}")
    for field, values in tag_values(work).items():
        if values:
            lines.append(f"{label[field]}: {', '.join(values)}")
    for ref in work.series:
        line = series_line(ref)
        lines.append(f"{label['series']}: {_series(line.prefix, line.name)}")
    if work.language:
        lines.append(f"{label['language']}: {language_name(work.language)}")
    if work.published:
        lines.append(f"{label['published']}: {iso_date(work.published)}")
    if work.updated:  # even on the day of publication: a round trip keeps it
        lines.append(f"{label['updated']}: {iso_date(work.updated)}")
    if work.status:
        lines.append(f"{label['status']}: {work.status.value}")
    lines.append(f"{label['words']}: {work.words}")
    for field in ("summary", "notes"):
        value = getattr(work, field)
        if value:
            lines.append(f"{label[field]}: {_flat(value)}")
    return lines


def _series(prefix: str, name: str) -> str:
    return f"{prefix} {name}" if prefix else name


def _flat(text: str) -> str:
    """Text without blank lines, which would end the header or split a note paragraph."""
    return _BLANK_LINES.sub("\n", text.strip())

"""Split the story proper into chapters at heading lines.

A heading ("Chapter 3: Title", "Part Two", "~ 4 ~", "Глава 2", a lone number, "Epilogue")
only counts when it stands alone between blank lines, so a sentence that starts with
"Part of me..." never splits a chapter. Author's notes and disclaimers that open or close a
chapter move to the chapter's notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ficshelf.model import RawChapter
from ficshelf.parse.plaintext.body import is_note_paragraph, story_start, trim_dividers
from ficshelf.parse.plaintext.layout import heading_text, is_heading


def split_chapters(lines: Sequence[str]) -> tuple[RawChapter, ...]:
    """Chapters of the story in ``lines``; one untitled chapter when there are no headings."""
    headings = [index for index in range(len(lines)) if is_heading(lines, index)]
    bounds: list[tuple[str | None, int, int]] = []
    first = headings[0] if headings else len(lines)
    bounds.append((None, 0, first))
    for position, index in enumerate(headings):
        stop = headings[position + 1] if position + 1 < len(headings) else len(lines)
        bounds.append((heading_text(lines[index]), index + 1, stop))
    chapters = [_chapter(title, lines[start:stop]) for title, start, stop in bounds]
    return tuple(chapter for chapter in chapters if chapter.text)


def _chapter(title: str | None, lines: Sequence[str]) -> RawChapter:
    paragraphs = _paragraphs(trim_dividers(lines[story_start(lines, 0) :]))
    notes: list[str] = []
    while paragraphs and is_note_paragraph(paragraphs[0]):
        notes.append(paragraphs.pop(0))
    trailing: list[str] = []
    while paragraphs and is_note_paragraph(paragraphs[-1]):
        trailing.insert(0, paragraphs.pop())
    notes.extend(trailing)
    text = "\n".join(trim_dividers("\n\n".join(paragraphs).split("\n")))
    return RawChapter(title=title, text=text, notes="\n\n".join(notes) or None)


def _paragraphs(lines: Sequence[str]) -> list[str]:
    """Blank-line separated blocks, each kept with its own line breaks."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks

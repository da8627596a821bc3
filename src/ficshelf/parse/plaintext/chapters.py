"""Split the story proper into chapters at heading lines.

A heading ("Chapter 3: Title", "Part Two", "~ 4 ~", "Глава 2", a lone number, "Epilogue")
only counts when it stands alone between blank lines, so a sentence that starts with
"Part of me..." never splits a chapter. Author's notes and disclaimers that open or close a
chapter move to the chapter's notes.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ficshelf.model import RawChapter
from ficshelf.parse.plaintext.body import (
    is_bare_label,
    is_body_marker,
    is_note_paragraph,
    may_hold_body_marker,
    story_start,
    trim_dividers,
)
from ficshelf.parse.plaintext.layout import (
    bare_number_word,
    heading_text,
    is_blank,
    is_divider,
    is_heading,
)


def split_chapters(lines: Sequence[str]) -> tuple[RawChapter, ...]:
    """Chapters of the story in ``lines``; one untitled chapter when there are no headings."""
    headings = _counting_headings(lines)
    bounds: list[tuple[str | None, int, int]] = []
    first = headings[0] if headings else len(lines)
    bounds.append((None, 0, first))
    for position, index in enumerate(headings):
        stop = headings[position + 1] if position + 1 < len(headings) else len(lines)
        bounds.append((heading_text(lines[index]), index + 1, stop))
    chapters = [_chapter(title, lines[start:stop]) for title, start, stop in bounds]
    return tuple(chapter for chapter in chapters if chapter.text)


def _counting_headings(lines: Sequence[str]) -> list[int]:
    """Heading lines, where a bare number word ("One") counts only as part of a count.

    "Ten" alone in a paragraph may be a countdown in the story; bare number words are
    chapter headings when they count upwards ("One" ... "Two" ...), or when "One" opens
    the story.
    """
    headings = [index for index in range(len(lines)) if is_heading(lines, index)]
    bare = {
        index: value for index in headings if (value := bare_number_word(lines[index])) is not None
    }
    values = list(bare.values())
    counting = len(values) > 1 and all(b > a for a, b in itertools.pairwise(values))
    opening = len(values) == 1 and values[0] == 1 and _opens_story(lines, next(iter(bare)))
    if counting or opening:
        return headings
    return [index for index in headings if index not in bare]


def _opens_story(lines: Sequence[str], index: int) -> bool:
    return all(is_blank(line) or is_divider(line) for line in lines[:index])


def _chapter(title: str | None, lines: Sequence[str]) -> RawChapter:
    lines = lines[story_start(lines, 0) :]
    notes = []
    marker = _marker_index(lines)
    if marker >= 0:
        notes = _notes_above(lines[:marker])
        lines = lines[marker + 1 :]
    paragraphs = _paragraphs(trim_dividers(lines))
    while paragraphs and is_note_paragraph(paragraphs[0]):
        notes.append(paragraphs.pop(0))
    trailing: list[str] = []
    while paragraphs and is_note_paragraph(paragraphs[-1]):
        trailing.insert(0, paragraphs.pop())
    notes.extend(trailing)
    text = "\n".join(trim_dividers("\n\n".join(paragraphs).split("\n")))
    return RawChapter(title=title, text=text, notes="\n\n".join(notes) or None)


def _marker_index(lines: Sequence[str]) -> int:
    if not may_hold_body_marker("\n".join(lines)):
        return -1
    return next((index for index, line in enumerate(lines) if is_body_marker(line)), -1)


def _notes_above(lines: Sequence[str]) -> list[str]:
    """AO3 pages flattened to text put the chapter's summary and notes above "Chapter Text":
    the paragraphs above it, without their bare "Notes:" / "Summary:" labels."""
    return [block for block in _paragraphs(lines) if not is_bare_label(block)]


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

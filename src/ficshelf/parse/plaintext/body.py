"""Where the story proper starts, and what around a chapter's text is not story.

After the header come dividers, AO3's "Work Text:" marker and blank lines; inside a chapter,
opening or closing paragraphs labelled "A/N:", "Author's Note:" or "Disclaimer:" are notes.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ficshelf.parse.plaintext.labels import EXTRA, extra_key, match_label, vocabulary
from ficshelf.parse.plaintext.layout import is_blank, is_divider

_NOTE_KEYS = frozenset({"notes"})
_NOTE_EXTRAS = frozenset({"disclaimer"})


def story_start(lines: Sequence[str], start: int) -> int:
    """The index of the first story line at or after ``start``."""
    index = start
    while index < len(lines) and _is_filler(lines[index]):
        index += 1
    return index


def _is_filler(line: str) -> bool:
    return is_blank(line) or is_divider(line) or is_body_marker(line)


def is_body_marker(line: str) -> bool:
    """AO3's "Work Text:" / "Chapter Text" line: the story follows it."""
    if not may_hold_body_marker(line):
        return False
    label = match_label(line)
    return label is not None and label.key == "body_marker"


def may_hold_body_marker(text: str) -> bool:
    """A cheap test that spares prose the full label matcher: False means no line of ``text``
    can be a body marker. Looking for markers line by line was the slowest step of parsing."""
    folded = text.casefold()
    return any(all(word in folded for word in words) for words in _body_marker_words())


@functools.cache
def _body_marker_words() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(variant.casefold().split()) for variant in vocabulary()["fields"]["body_marker"]
    )


def is_bare_label(paragraph: str) -> bool:
    """A paragraph that is only a label ("Notes:"), its value in the paragraphs below."""
    if "\n" in paragraph.strip():
        return False
    label = match_label(paragraph)
    return label is not None and label.key is not None and not label.value


def is_note_paragraph(paragraph: str) -> bool:
    """Does this paragraph open with an author's-note or disclaimer label?"""
    first = paragraph.lstrip().split("\n", 1)[0]
    label = match_label(first)
    if label is None or (not label.value and not label.colon):
        return False
    if label.key in _NOTE_KEYS:
        return True
    return label.key == EXTRA and extra_key(label.label) in _NOTE_EXTRAS


def trim_dividers(lines: Sequence[str]) -> list[str]:
    """Drop blank and divider lines from both ends."""
    start, stop = 0, len(lines)
    while start < stop and (is_blank(lines[start]) or is_divider(lines[start])):
        start += 1
    while stop > start and (is_blank(lines[stop - 1]) or is_divider(lines[stop - 1])):
        stop -= 1
    return list(lines[start:stop])

"""Find the free-form header at the top of a plain-text story and split it into entries.

The scanner walks the lines once. It accepts, in any order: a title on its own line, a
"by Someone" line, label lines (known labels always; unknown "Xxx: value" lines only beside
known ones), values continued over several lines or stacked one per line under a bare label,
pipe-separated labels, AO3 stats runs, dividers and blank lines. The first line that is none
of these (prose, a chapter heading) ends the header. It only splits; ``fields`` interprets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ficshelf.parse.plaintext.ffn import looks_like_ffn
from ficshelf.parse.plaintext.labels import (
    LabelLine,
    clean_line,
    label_key,
    match_label,
    normalise_label,
    vocabulary,
)
from ficshelf.parse.plaintext.layout import (
    byline_author,
    ends_paragraph,
    is_blank,
    is_divider,
    is_heading,
    is_title_cased,
    is_title_shaped,
    quoted_title,
    same_text,
    strip_decoration,
)

# Keys whose value is one line: a second line is not a continuation but something else
# (in AO3 pages flattened to text, the title and author follow the stats line directly).
SINGLE_LINE_KEYS = frozenset(
    {
        "title",
        "authors",
        "rating",
        "language",
        "words",
        "size",
        "status",
        "completed",
        "published",
        "updated",
        "chapters",
        "stats",
        "body_marker",
    }
)
_MAX_NAME_WORDS = 4
_LOOKAHEAD_PARAGRAPHS = 2
# Longer than this, a paragraph after a note is story, whatever follows it.
_MAX_NOTE_PARAGRAPH = 500
_TEXT_KEYS = frozenset({"summary", "notes"})
# Marks a paragraph break inside a value that runs over several paragraphs.
PARAGRAPH_BREAK = ""
# Several labels on one line: "Title: X | Author: Y", or eFiction's "Rated: PG   Series: Z".
_PIPE = re.compile(r"\s+[|¦]\s+|\s{3,}|\t+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One labelled value. ``lines`` are the value's lines as written.

    ``stacked`` means the label stood alone and its values followed one per line (AO3 pages
    flattened to text); otherwise the lines are one value wrapped over several lines.
    """

    label: str
    key: str | None
    lines: tuple[str, ...]
    stacked: bool = False


@dataclass(frozen=True, slots=True)
class Header:
    """What the scanner found. ``end`` is the index of the first line after the header."""

    title: str | None = None
    byline: str | None = None
    entries: tuple[Entry, ...] = ()
    end: int = 0


@dataclass(slots=True)
class _OpenEntry:
    label: str
    key: str | None
    colon: bool
    stacked: bool
    lines: list[str] = field(default_factory=list)
    closed: bool = False

    def freeze(self) -> Entry:
        return Entry(self.label, self.key, tuple(self.lines), self.stacked)

    @property
    def awaiting_value(self) -> bool:
        return self.stacked and not self.lines and self.colon

    def takes_more(self) -> bool:
        if self.closed:
            return False
        if self.stacked:
            single = self.key in SINGLE_LINE_KEYS or not self.colon
            return not (single and self.lines)
        return self.key not in SINGLE_LINE_KEYS


def parse_header_lines(lines: Sequence[str]) -> Header:
    """Scan ``lines`` (a story split on newlines) and return its header, possibly empty."""
    return _Scanner(lines).scan()


class _Scanner:
    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.entries: list[_OpenEntry] = []
        self.title: str | None = None
        self.byline: str | None = None
        self.end = 0
        self.last_consumed = -1

    def scan(self) -> Header:
        for index, line in enumerate(self.lines):
            if is_blank(line):
                self._close_unless_awaiting()
                continue
            if not self._take(index):
                break
            self.end = index + 1
            self.last_consumed = index
            if self._at_body_marker():
                break
        return Header(
            title=self.title,
            byline=self.byline,
            entries=tuple(entry.freeze() for entry in self.entries if entry.label),
            end=self.end,
        )

    # -- one line -------------------------------------------------------------------------

    def _take(self, index: int) -> bool:
        text = clean_line(self.lines[index])
        if is_divider(text):
            self._close()
            return True
        if is_heading(self.lines, index) and not self._awaiting():
            return False
        labels = self._labels(index, text)
        if labels:
            self._add(labels)
            return True
        if self.entries and self.entries[-1].takes_more() and self._value_goes_on(index):
            self.entries[-1].lines.append(text)
            return True
        return self._take_stray(index, text)

    def _value_goes_on(self, index: int) -> bool:
        """Is this line more of the open value, or the story starting with no blank line?

        A value wrapped over several lines goes on while its last line does not end a
        paragraph (see ``ends_paragraph``), or while more labels follow in the same block.
        """
        previous = index - 1
        if previous < 0 or is_blank(self.lines[previous]) or not self.entries[-1].lines:
            return True
        if not ends_paragraph(self._paragraph(index), self.lines[previous]):
            return True
        return self._known_label_later_in_paragraph(index)

    def _take_stray(self, index: int, text: str) -> bool:
        """A line outside any label: a title, a by-line, or a repeat of either."""
        author = byline_author(text)
        if author is not None and self._byline_allowed(index):
            if self.byline is None and not self._has("authors"):
                self.byline = author
            return True
        if self._author_line_allowed(index, text):
            self.byline = text
            return True
        if self._title_known() and self._is_repeated_title(text):
            return True
        if not self._title_known() and self._is_title_line(index, text):
            self._set_title(strip_decoration(text))
            return True
        if self._title_known() and self._known_label_later_in_paragraph(index):
            # FanFiction.net pages put the unlabelled summary above the "Rated:" line.
            self.entries.append(_OpenEntry("Summary", "summary", colon=False, stacked=False))
            self.entries[-1].lines.append(text)
            return True
        return self._continue_text_entry(index, text)

    def _set_title(self, text: str) -> None:
        """The title line; '"Title" by Someone' names the author too."""
        quoted = quoted_title(text)
        if quoted is None:
            self.title = text
        else:
            self.title, author = quoted
            if author is not None and self.byline is None:
                self.byline = author
        self._close()

    def _is_title_line(self, index: int, text: str) -> bool:
        """A title on its own line; with nothing else around it, it must look like one."""
        if not is_title_shaped(text) or not self._ends_title_line(index):
            return False
        if self.entries or self._next_is_header_line(index):
            return True
        return is_title_cased(text)

    def _next_is_header_line(self, index: int) -> bool:
        following = index + 1
        while following < len(self.lines) and is_blank(self.lines[following]):
            following += 1
        if following >= len(self.lines):
            return False
        text = clean_line(self.lines[following])
        label = match_label(text)
        return byline_author(text) is not None or (label is not None and label.key is not None)

    def _known_label_later_in_paragraph(self, index: int) -> bool:
        for position in range(index + 1, len(self.lines)):
            if is_blank(self.lines[position]):
                return False
            label = match_label(self.lines[position])
            if label is not None and label.key is not None and label.colon:
                return True
        return False

    def _continue_text_entry(self, index: int, text: str) -> bool:
        """A further paragraph of a summary or note, when more labels follow it.

        "Summary:" may run over several paragraphs; we only know they are summary and not
        story when another label comes after them (AO3's "Notes:" or "Work Text:"), or a
        divider closes them off from the story below.
        """
        if not self.entries or self.entries[-1].key not in _TEXT_KEYS:
            return False
        starts_paragraph = index > 0 and is_blank(self.lines[index - 1])
        if not starts_paragraph:
            return False
        if not (self._known_label_ahead(index) or self._divider_closes_note(index)):
            return False
        entry = self.entries[-1]
        entry.lines.extend([PARAGRAPH_BREAK, text])
        entry.closed = False
        return True

    # -- labels ---------------------------------------------------------------------------

    def _labels(self, index: int, text: str) -> list[LabelLine]:
        """The label lines on this line (several for "A: x | B: y" and AO3 stats runs)."""
        pieces = [piece for piece in _PIPE.split(text) if piece.strip()]
        if len(pieces) > 1:
            found = [match_label(piece) for piece in pieces]
            labels = [label for label in found if label is not None]
            if len(labels) == len(pieces) and any(label.key for label in labels):
                return labels
        label = match_label(text)
        if label is None:
            return []
        if label.key is None and (self._may_be_title(index) or not self._unknown_allowed(index)):
            return []
        if not label.colon and not self._bare_label_allowed(index):
            return []
        if looks_like_ffn(label.value):
            return [label]
        if label.key == "stats" or normalise_label(label.label) in _stat_labels():
            return _split_stats(label)
        return [label]

    def _add(self, labels: list[LabelLine]) -> None:
        self._close()
        for label in labels:
            stacked = not label.value
            entry = _OpenEntry(label.label, label.key, label.colon, stacked)
            if label.value:
                entry.lines.append(label.value)
            self.entries.append(entry)

    def _may_be_title(self, index: int) -> bool:
        """ "Naruto: The Long Road" opening the file is a title with a colon, not a label."""
        return (
            self.last_consumed < 0
            and not self._title_known()
            and (is_title_shaped(self.lines[index]) and self._ends_title_line(index))
        )

    def _unknown_allowed(self, index: int) -> bool:
        """Unknown labels belong to a header only inside or between blocks of known labels."""
        if self._paragraph_has_known_label(index):
            return True
        if not any(entry.key for entry in self.entries):
            return False
        previous = index - 1
        while previous >= 0 and is_blank(self.lines[previous]):
            previous -= 1
        if previous != self.last_consumed:
            return False
        return previous == index - 1 or self._known_label_ahead(index)

    def _known_label_ahead(self, index: int) -> bool:
        """Does a paragraph opening with a known label follow within the next few paragraphs?"""
        seen = 0
        for position in range(index + 1, len(self.lines)):
            if not is_blank(self.lines[position - 1]) or is_blank(self.lines[position]):
                continue
            if is_heading(self.lines, position):
                return False
            label = match_label(self.lines[position])
            if label is not None and label.key is not None and label.colon:
                return True
            seen += 1
            if seen >= _LOOKAHEAD_PARAGRAPHS:
                return False
        return False

    def _divider_closes_note(self, index: int) -> bool:
        """Is the paragraph at ``index`` (or the one after it) followed by a divider?

        Notes that run over a paragraph or two and then a "* * *" before the story are common;
        a long paragraph is story even when a scene break follows it.
        """
        paragraphs = 0
        position = index
        while position < len(self.lines) and paragraphs < _LOOKAHEAD_PARAGRAPHS:
            block = self._paragraph(position)
            if is_heading(self.lines, position) or sum(map(len, block)) > _MAX_NOTE_PARAGRAPH:
                return False
            position += len(block)
            while position < len(self.lines) and is_blank(self.lines[position]):
                position += 1
            if position < len(self.lines) and is_divider(self.lines[position]):
                return position + 1 < len(self.lines)
            paragraphs += 1
        return False

    def _bare_label_allowed(self, index: int) -> bool:
        """ "Title" alone is a label only when its value follows on the next line."""
        following = index + 1
        if following >= len(self.lines) or is_blank(self.lines[following]):
            return False
        return match_label(self.lines[following]) is None

    def _paragraph_has_known_label(self, index: int) -> bool:
        for line in self._paragraph(index):
            label = match_label(line)
            if label is not None and label.key is not None and label.colon:
                return True
        return False

    def _paragraph(self, index: int) -> Sequence[str]:
        start = index
        while start > 0 and not is_blank(self.lines[start - 1]):
            start -= 1
        stop = index
        while stop < len(self.lines) and not is_blank(self.lines[stop]):
            stop += 1
        return self.lines[start:stop]

    # -- titles and by-lines --------------------------------------------------------------

    def _title_known(self) -> bool:
        return self.title is not None or self._has("title")

    def _has(self, key: str) -> bool:
        return any(entry.key == key and entry.lines for entry in self.entries)

    def _is_repeated_title(self, text: str) -> bool:
        titles = [self.title] if self.title else []
        titles += [line for entry in self.entries if entry.key == "title" for line in entry.lines]
        return any(same_text(text, title) for title in titles)

    def _byline_allowed(self, index: int) -> bool:
        """A by-line follows the title (or opens the file); elsewhere "by ..." is prose."""
        previous = index - 1
        while previous >= 0 and is_blank(self.lines[previous]):
            previous -= 1
        if previous < 0:
            return True
        return previous == self.last_consumed and (
            self._title_known() and self._is_repeated_title(clean_line(self.lines[previous]))
        )

    def _ends_title_line(self, index: int) -> bool:
        """A title stands alone: next comes a blank line, a label, a by-line or the end.

        Inside a header (labels already seen) a title may also be followed by a bare author
        name, as AO3 pages flattened to text put them.
        """
        if self._stands_alone(index):
            return True
        text = clean_line(self.lines[index + 1])
        if byline_author(text) is not None or match_label(text) is not None:
            return True
        return bool(self.entries) and _is_name(text) and self._stands_alone(index + 1)

    def _author_line_allowed(self, index: int, text: str) -> bool:
        """A bare name right under a title line found inside a header."""
        return (
            self.title is not None
            and self.byline is None
            and not self._has("authors")
            and bool(self.entries)
            and self.last_consumed == index - 1
            and self.title == clean_line(self.lines[index - 1])
            and _is_name(text)
            and self._stands_alone(index)
        )

    def _stands_alone(self, index: int) -> bool:
        """Nothing but a blank line, a divider, a label line or the end follows."""
        following = index + 1
        if following >= len(self.lines) or is_blank(self.lines[following]):
            return True
        if is_divider(self.lines[following]):
            return True
        return match_label(self.lines[following]) is not None

    # -- entry bookkeeping ----------------------------------------------------------------

    def _at_body_marker(self) -> bool:
        """AO3's "Work Text:" / "Chapter Text" line: the story follows it."""
        return bool(self.entries) and self.entries[-1].key == "body_marker"

    def _awaiting(self) -> bool:
        return bool(self.entries) and self.entries[-1].awaiting_value

    def _close(self) -> None:
        if self.entries:
            self.entries[-1].closed = True

    def _close_unless_awaiting(self) -> None:
        if not self._awaiting():
            self._close()


@functools.cache
def _stat_labels() -> frozenset[str]:
    return frozenset(normalise_label(label) for label in vocabulary()["stats"]["labels"])


@functools.cache
def _stats_run() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(_stat_labels(), key=len, reverse=True))
    return re.compile(rf"(?:^|\s)({names})\s*:\s*", re.IGNORECASE)


def _split_stats(label: LabelLine) -> list[LabelLine]:
    """ "Published: 2012-01-01 Words: 1,000 Chapters: 1/1" -> three label lines."""
    text = label.value
    cuts = list(_stats_run().finditer(text))
    if not cuts:
        return [label]
    head = text[: cuts[0].start()].strip()
    labels = [LabelLine(label.label, label.key, head)] if head or label.key != "stats" else []
    for current, following in zip(cuts, [*cuts[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        value = text[current.end() : end].strip()
        labels.append(LabelLine(current[1], label_key(current[1]), value))
    return labels


def _is_name(text: str) -> bool:
    """Short and unpunctuated, like a pen name."""
    return 0 < len(text.split()) <= _MAX_NAME_WORDS and not text.endswith((".", ",", ";", ":"))

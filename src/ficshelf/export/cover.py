"""A cover drawn as SVG from the work's title and authors: no images to fetch or embed.

Long titles wrap onto several lines and shrink to fit; the colour is picked from the title so
covers on a shelf differ, yet the same work always gets the same cover (exports stay
byte-identical).
"""

from __future__ import annotations

import hashlib
import textwrap
import unicodedata
from dataclasses import dataclass

from ficshelf.export.markup import xml_safe
from ficshelf.export.templates import render

WIDTH = 600
HEIGHT = 900
# (background, ink): dark grounds with light ink, all with strong contrast.
_PALETTE = (
    ("#7a1f1f", "#fbf3e4"),
    ("#1f3a5f", "#f4f1e8"),
    ("#2f4f3a", "#f6f2e6"),
    ("#4b2a5c", "#f7eefa"),
    ("#5c4326", "#fcf6ea"),
    ("#263238", "#eceff1"),
)
_TITLE_SIZES = ((3, 64), (5, 52), (7, 42))  # up to N lines -> font size
_SMALLEST_TITLE = 34
_MAX_TITLE_LINES = 9
_MAX_AUTHOR_LINES = 3
_AUTHOR_SIZE = 34
_LINE_HEIGHT = 1.25
_TEXT_WIDTH = WIDTH - 120
_AVERAGE_GLYPH = 0.55  # of the font size, for Latin text in a serif face


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    y: int


@dataclass(frozen=True, slots=True)
class Cover:
    title: str
    width: int
    height: int
    background: str
    ink: str
    title_size: int
    title_lines: tuple[Line, ...]
    author_size: int
    author_lines: tuple[Line, ...]


def cover_svg(title: str, authors: tuple[str, ...]) -> str:
    """An SVG document showing ``title`` and ``authors``."""
    return render("cover.svg.j2", cover=layout_cover(title, authors))


def layout_cover(title: str, authors: tuple[str, ...]) -> Cover:
    """Where every line of the cover goes; split from drawing so it can be tested alone."""
    title = " ".join(xml_safe(title).split()) or "Untitled"
    byline = ", ".join(" ".join(xml_safe(name).split()) for name in authors)
    title_size, wrapped = _fit_title(title)
    title_step = round(title_size * _LINE_HEIGHT)
    top = HEIGHT * 2 // 5 - (len(wrapped) - 1) * title_step // 2
    background, ink = _colours(title)
    author_texts = wrap(byline, _AUTHOR_SIZE)[:_MAX_AUTHOR_LINES] if byline else []
    author_step = round(_AUTHOR_SIZE * _LINE_HEIGHT)
    author_top = HEIGHT - 120 - (len(author_texts) - 1) * author_step
    return Cover(
        title=title,
        width=WIDTH,
        height=HEIGHT,
        background=background,
        ink=ink,
        title_size=title_size,
        title_lines=tuple(Line(text, top + i * title_step) for i, text in enumerate(wrapped)),
        author_size=_AUTHOR_SIZE,
        author_lines=tuple(
            Line(text, author_top + i * author_step) for i, text in enumerate(author_texts)
        ),
    )


def wrap(text: str, font_size: int) -> list[str]:
    """Lines of ``text`` that fit the cover's width at ``font_size`` (wide CJK glyphs count 2)."""
    columns = max(4, int(_TEXT_WIDTH / (font_size * _AVERAGE_GLYPH)))
    wide = sum(1 for char in text if unicodedata.east_asian_width(char) in "WF")
    if wide > len(text) // 2:
        columns = max(2, columns // 2)
    return textwrap.wrap(text, columns, break_long_words=True, break_on_hyphens=True)


def _fit_title(title: str) -> tuple[int, list[str]]:
    for most_lines, size in _TITLE_SIZES:
        lines = wrap(title, size)
        if len(lines) <= most_lines:
            return size, lines
    lines = wrap(title, _SMALLEST_TITLE)
    if len(lines) > _MAX_TITLE_LINES:
        lines = [*lines[: _MAX_TITLE_LINES - 1], lines[_MAX_TITLE_LINES - 1].rstrip() + "…"]
    return _SMALLEST_TITLE, lines


def _colours(title: str) -> tuple[str, str]:
    digest = hashlib.sha256(title.encode("utf-8")).digest()
    return _PALETTE[digest[0] % len(_PALETTE)]

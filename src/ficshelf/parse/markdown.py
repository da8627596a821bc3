"""Markdown stories, usually with YAML front matter stating the metadata.

Front-matter keys are matched case-insensitively through ``data/front_matter_keys.toml``
(``author``/``authors``, ``pairings``/``ships``...); values may be a string or a list, series
a name or ``{name, position}``. Unknown keys land in ``extra``.

The body is rendered once with cmark-gfm (the CommonMark reference implementation, in C; about
ten times faster than a Python parser), so link references work across the whole story. Its
top-level blocks are then split into chapters at ``#`` or ``##`` headings shaped like chapter
headings ("Chapter 2: Home", "Prologue"), at the highest level that has any; blocks before the
first are the author's front matter (``notes``). A leading ``# Title`` heading that repeats (or
supplies) the title is not story text. Each chapter's HTML is sanitized, and its plain text is
taken from that HTML, so Markdown syntax never counts as words.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import cmarkgfm
import lxml.html
from cmarkgfm.cmark import Options

from ficshelf.model import Document, RawChapter, RawWork, SeriesRef
from ficshelf.parse.dates import parse_date
from ficshelf.parse.html_text import html_to_text
from ficshelf.parse.markup import parse_html, text_of
from ficshelf.parse.plaintext.layout import is_heading_shape
from ficshelf.parse.sanitize import sanitize_html
from ficshelf.read.frontmatter import split_front_matter

FORMAT = "markdown"
_LIST_FIELDS = frozenset(
    {"authors", "fandoms", "warnings", "categories", "relationships", "characters", "freeforms"}
)
_TEXT_FIELDS = frozenset({"title", "rating", "summary", "notes", "end_notes", "language", "status"})
_SERIES_NAME_KEYS = ("name", "title", "series")
_SERIES_POSITION_KEYS = ("position", "part", "number", "index", "no")
_CHAPTER_COUNT = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d+|\?)\s*)?$")
_CHAPTER_LEVELS = ("h1", "h2")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Raw HTML in a story is kept here and sanitized afterwards, like every other HTML source.
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE


@dataclass(frozen=True, slots=True)
class _Heading:
    level: str
    text: str
    block: int  # its place among the story's top-level blocks


@functools.cache
def _field_for_key() -> dict[str, str]:
    text = resources.files("ficshelf.data").joinpath("front_matter_keys.toml").read_text("utf-8")
    table: dict[str, list[str]] = tomllib.loads(text)["keys"]
    return {_key(alias): field for field, aliases in table.items() for alias in aliases}


def parse_markdown(doc: Document) -> RawWork:
    """Read a Markdown story (front matter optional); always succeeds on text."""
    front = split_front_matter(doc.text)
    stated = _stated(front.fields if front else {})
    body = front.body if front else doc.text
    blocks, headings = _blocks(body)
    title_heading = _title_heading(headings, stated.get("title"))
    if title_heading is not None:
        stated.setdefault("title", title_heading.text)
        headings.remove(title_heading)
        del blocks[title_heading.block]
        headings = [replace(heading, block=heading.block - 1) for heading in headings]
    front_blocks, chapters = _split(blocks, _chapter_headings(headings))
    notes = _render(front_blocks)[1]
    if notes and "notes" not in stated:
        stated["notes"] = notes
    work = RawWork(
        path=doc.path,
        format=FORMAT,
        encoding=doc.encoding,
        chapters=tuple(_chapter(title, chapter_blocks) for title, chapter_blocks in chapters),
    )
    return replace(work, **stated)


def _blocks(body: str) -> tuple[list[str], list[_Heading]]:
    """The rendered story's top-level blocks (paragraphs, headings, quotes, lists...) as HTML,
    and its own headings among them (not those quoted or in lists; fenced code is never one).
    """
    rendered = cmarkgfm.markdown_to_html(body, options=_CMARK_OPTIONS)
    page = parse_html(rendered).find("body")
    if page is None:
        return [], []
    blocks = [html.escape(page.text)] if page.text and page.text.strip() else []
    headings = []
    for child in page:
        if child.tag in _HEADING_TAGS:
            headings.append(_Heading(child.tag, text_of(child), len(blocks)))
        blocks.append(lxml.html.tostring(child, encoding="unicode"))
    return blocks, headings


def _key(label: str) -> str:
    return " ".join(label.casefold().replace("_", " ").replace("-", " ").split())


def _stated(fields: Mapping[str, object]) -> dict[str, Any]:
    """RawWork keyword arguments from front matter; unknown keys go to ``extra``.

    Values are typed per field by ``_converted`` (hence ``Any`` for ``dataclasses.replace``).
    """
    stated: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for label, value in fields.items():
        field = _field_for_key().get(_key(label))
        if field is None:
            if (text := _text(value)) is not None:
                extra[label] = text
            continue
        stated.update(_converted(field, value))
    if extra:
        stated["extra"] = extra
    return stated


def _converted(field: str, value: object) -> dict[str, object]:
    """One front-matter value as the RawWork field(s) it fills; empty when it says nothing."""
    converted: object
    if field in _LIST_FIELDS:
        converted = _texts(value) or None
    elif field in _TEXT_FIELDS:
        converted = _text(value)
    elif field == "series":
        converted = _series(value) or None
    elif field in {"published", "updated"}:
        converted = _date(value)
    elif field == "words":
        converted = _number(value)
    else:
        return _chapter_counts(value)
    return {} if converted is None else {field: converted}


def _texts(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(text for item in items if (text := _text(item)) is not None)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, list):
        return ", ".join(_texts(value)) or None
    text = str(value).strip()
    return text or None


def _series(value: object) -> tuple[SeriesRef, ...]:
    items = value if isinstance(value, list) else [value]
    refs = []
    for item in items:
        if isinstance(item, dict):
            found = {_key(str(key)): part for key, part in item.items()}
            name = next((_text(found[key]) for key in _SERIES_NAME_KEYS if key in found), None)
            position = next(
                (_number(found[key]) for key in _SERIES_POSITION_KEYS if key in found), None
            )
        else:
            name, position = _text(item), None
        if name:
            refs.append(SeriesRef(name=name, position=position))
    return tuple(refs)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    return parse_date(text) if text else None


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    digits = (_text(value) or "").replace(",", "").replace(" ", "")
    return int(digits) if digits.isdigit() else None


def _chapter_counts(value: object) -> dict[str, object]:
    match = _CHAPTER_COUNT.match(_text(value) or "")
    if match is None:
        return {}
    counts: dict[str, object] = {"chapter_count": int(match[1])}
    if match[2] and match[2].isdigit():
        counts["chapters_expected"] = int(match[2])
    return counts


def _title_heading(headings: list[_Heading], title: object) -> _Heading | None:
    """A leading ``# Title``: it repeats the stated title, or there is none and it is no chapter."""
    first = next((heading for heading in headings if heading.level == "h1"), None)
    if first is None or first.block != 0:
        return None
    if isinstance(title, str):
        return first if first.text.casefold() == title.casefold() else None
    return None if is_heading_shape(first.text) else first


def _chapter_headings(headings: list[_Heading]) -> list[_Heading]:
    for level in _CHAPTER_LEVELS:
        found = [h for h in headings if h.level == level and is_heading_shape(h.text)]
        if found:
            return found
    return []


def _split(
    blocks: list[str], headings: list[_Heading]
) -> tuple[list[str], list[tuple[str | None, list[str]]]]:
    """Front-matter blocks and (title, blocks) per chapter; all one chapter without headings."""
    if not headings:
        return [], [(None, blocks)]
    ends = [heading.block for heading in headings[1:]] + [len(blocks)]
    chapters: list[tuple[str | None, list[str]]] = [
        (heading.text, blocks[heading.block + 1 : end])
        for heading, end in zip(headings, ends, strict=True)
    ]
    return blocks[: headings[0].block], chapters


def _chapter(title: str | None, blocks: list[str]) -> RawChapter:
    html, text = _render(blocks)
    return RawChapter(title=title, text=text, html=html)


def _render(blocks: list[str]) -> tuple[str, str]:
    """Sanitized HTML and its plain text for a run of the story's blocks."""
    html = sanitize_html("".join(blocks))
    return html, html_to_text(html)

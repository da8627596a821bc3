"""Chapters as pages: heading, notes and the body already serialised for one syntax.

Bodies come from ``RawChapter.html`` (sanitized story HTML) when the source had markup, else
from ``RawChapter.text``; either way they pass through ``export.markup`` so they are valid in
an EPUB and in an HTML page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from ficshelf.export.markup import Fragment, story_fragment, text_fragment, xml_safe
from ficshelf.export.preface import chapter_heading
from ficshelf.model import RawChapter, Work
from ficshelf.parse.html_text import element_to_text

Syntax = Literal["xhtml", "html"]


@dataclass(frozen=True, slots=True)
class ChapterPage:
    number: int
    heading: str
    file: str
    """The chapter's document inside an EPUB ("chapter-001.xhtml")."""
    summary: str | None
    notes: str | None
    end_notes: str | None
    body: Markup


def chapter_file(number: int) -> str:
    return f"chapter-{number:03d}.xhtml"


def chapter_fragment(chapter: RawChapter) -> Fragment:
    """The chapter's story markup: from its HTML when it has any and that HTML holds the
    chapter's text, else from the text.

    The text is the story as the library counts, searches and shows it. HTML that says
    something else (a page whose plain-text header the parser read out of the text but left
    in the markup) would put that back into the book, and the book would no longer be the work.
    """
    if chapter.html is not None and chapter.html.strip():
        fragment = story_fragment(chapter.html)
        if _same_words(element_to_text(fragment.root), chapter.text):
            return fragment
    return text_fragment(chapter.text)


def _same_words(markup_text: str, text: str) -> bool:
    """Equal but for whitespace (markup and text break lines and paragraphs differently) and
    the characters no export can carry, which the markup has already lost."""
    return "".join(markup_text.split()) == "".join(xml_safe(text).split())


def chapter_pages(work: Work, syntax: Syntax) -> Iterator[ChapterPage]:
    """One page per chapter, in order. A lone untitled chapter is headed with the work's title,
    as AO3 does, so the heading never invents a "Chapter 1" the work did not have."""
    lone = len(work.chapters) == 1
    for number, chapter in enumerate(work.chapters, start=1):
        fragment = chapter_fragment(chapter)
        body = fragment.xhtml() if syntax == "xhtml" else fragment.html()
        untitled = not (chapter.title or "").strip()
        yield ChapterPage(
            number=number,
            heading=work.title if lone and untitled else chapter_heading(number, chapter),
            file=chapter_file(number),
            summary=_text(chapter.summary),
            notes=_text(chapter.notes),
            end_notes=_text(chapter.end_notes),
            body=Markup(body),
        )


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None

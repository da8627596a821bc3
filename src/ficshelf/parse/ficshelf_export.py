"""ficshelf's own exports (EPUB and HTML) read back in.

Exports lay out their preface like an AO3 download, so the AO3 reader reads them; they are told
apart by the ``generator`` mark they carry, and get their own format and origin. Their tags are
canonical already (``origin="ficshelf"``), but they are our own wrangling, not AO3's: the
knowledge base never learns from them, or it would learn its own guesses back.

One thing the AO3 reader keeps that an export does not mean: AO3 heads an untitled chapter
"Chapter 3" and the AO3 reader keeps that as its title, while an export writes "Chapter 3"
only for a chapter that had no title (a titled one is "Chapter 3: Title"). Reading our own
headings again gives those chapters back their missing title, so a round trip changes nothing.
"""

from __future__ import annotations

import dataclasses
import re

from lxml.html import HtmlElement

from ficshelf.model import Document, RawChapter, RawWork
from ficshelf.parse.ao3_epub import joined_spine
from ficshelf.parse.ao3_html import read_ao3_download
from ficshelf.parse.ao3_labels import ao3_labels
from ficshelf.parse.epub_container import Package
from ficshelf.parse.markup import elements, has_class, parse_html, text_of

GENERATOR = "ficshelf"
ORIGIN = "ficshelf"

_GENERATOR_META = re.compile(
    rf"""<meta\s+name=["']generator["']\s+content=["']{GENERATOR}["']""", re.IGNORECASE
)
_CHAPTER_HEADINGS = f"//*[@id='chapters']//h2[{has_class('.', 'heading')}]"


def looks_like_ficshelf_html(html: str) -> bool:
    return _GENERATOR_META.search(html[:4000]) is not None


def parse_ficshelf_html(doc: Document) -> RawWork:
    root = parse_html(doc.text)
    raw = read_ao3_download(root, path=doc.path, encoding=doc.encoding, fmt="ficshelf-html")
    return _as_own_export(raw, root)


def parse_ficshelf_epub(package: Package, encoding: str | None) -> RawWork:
    root = joined_spine(package)
    raw = read_ao3_download(root, path=package.path, encoding=encoding, fmt="ficshelf-epub")
    return _as_own_export(raw, root)


def _as_own_export(raw: RawWork, root: HtmlElement) -> RawWork:
    headings = [text_of(heading) for heading in elements(root, _CHAPTER_HEADINGS)]
    return dataclasses.replace(raw, origin=ORIGIN, chapters=_untitled_again(raw, headings))


def _untitled_again(raw: RawWork, headings: list[str]) -> tuple[RawChapter, ...]:
    """Chapters whose heading was only "Chapter N" (N its place) lose the title the AO3 reader
    made of it. When headings and chapters do not pair up, the chapters are left as read."""
    if len(headings) != len(raw.chapters):
        return raw.chapters
    pairs = enumerate(zip(headings, raw.chapters, strict=True), start=1)
    return tuple(
        dataclasses.replace(chapter, title=None) if _is_untitled(heading, number) else chapter
        for number, (heading, chapter) in pairs
    )


def _is_untitled(heading: str, number: int) -> bool:
    words = "|".join(re.escape(word) for word in ao3_labels().phrase_list("chapter_word"))
    match = re.fullmatch(rf"(?:{words})\s+(\d+)", " ".join(heading.split()), re.IGNORECASE)
    return match is not None and int(match[1]) == number

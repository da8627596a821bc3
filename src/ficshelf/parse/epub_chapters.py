"""Spine documents -> chapters, for EPUBs without a richer template (FanFicFare, calibre, plain).

Front matter (nav, TOC, title and cover pages) is skipped by guide type, manifest property,
file name or TOC label, all listed in ``data/epub_front_matter.toml``. A chapter's title is its
TOC label, else its first heading; a document with neither, following a chapter, continues
that chapter (calibre splits long chapters into several files).
"""

from __future__ import annotations

import functools
import posixpath
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from lxml.html import HtmlElement

from ficshelf.model import RawChapter
from ficshelf.parse.epub_container import Package, SpineItem
from ficshelf.parse.html_text import contents_to_text
from ficshelf.parse.markup import elements, first, inner_html_of, parse_html, text_of
from ficshelf.parse.sanitize import sanitize_html


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    guide_types: frozenset[str]
    file_stems: frozenset[str]
    toc_labels: frozenset[str]


@functools.cache
def _front_matter() -> _FrontMatter:
    raw = resources.files("ficshelf.data").joinpath("epub_front_matter.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return _FrontMatter(
        frozenset(data["guide_types"]),
        frozenset(data["file_stems"]),
        frozenset(label.casefold() for label in data["toc_labels"]),
    )


def is_front_matter(package: Package, entry: SpineItem) -> bool:
    """True for nav, TOC, title, cover and similar pages that hold no story text."""
    rules = _front_matter()
    item = entry.item
    stem = posixpath.splitext(posixpath.basename(item.path))[0].lower()
    label = package.toc_labels.get(item.path, "").casefold()
    return (
        "nav" in item.properties
        or package.guide.get(item.path, "") in rules.guide_types
        or re.sub(r"[-_\d]", "", stem) in rules.file_stems
        or label in rules.toc_labels
    )


@dataclass(slots=True)
class _Draft:
    title: str | None
    bodies: list[HtmlElement] = field(default_factory=list)

    def finish(self) -> RawChapter:
        return RawChapter(
            title=self.title,
            text=contents_to_text(self.bodies),
            html=sanitize_html(inner_html_of(self.bodies)),
        )


def spine_chapters(package: Package) -> list[RawChapter]:
    """The story chapters of ``package`` in reading order."""
    drafts: list[_Draft] = []
    has_toc = any(package.toc_labels.get(s.item.path) for s in package.documents())
    for entry in package.documents():
        if not entry.linear or is_front_matter(package, entry):
            continue
        body = _body(package, entry)
        heading = _first_heading(body)
        title = package.toc_labels.get(entry.item.path) or (
            text_of(heading) if heading is not None else None
        )
        if heading is not None and title and text_of(heading) == title:
            heading.drop_tree()  # the title is kept on the chapter; the text is story only
        if not title and not contents_to_text([body]).strip():
            continue  # an image-only or empty page
        if title is None and has_toc and drafts:
            drafts[-1].bodies.append(body)
        else:
            drafts.append(_Draft(title, [body]))
    return [draft.finish() for draft in drafts]


def _body(package: Package, entry: SpineItem) -> HtmlElement:
    root = parse_html(package.document_text(entry.item))
    body = first(root, "//body")
    return body if body is not None else root


def _first_heading(body: HtmlElement) -> HtmlElement | None:
    headings = elements(body, ".//*[self::h1 or self::h2 or self::h3]")
    return headings[0] if headings else None

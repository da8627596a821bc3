"""A story saved as HTML by anything but AO3: a hand-made page, an archive's printable page.

What such pages reliably carry, best source first:

- title: ``<meta name="title">`` (or Dublin Core / Open Graph), ``<title>``, the first ``<h1>``;
- authors: ``<meta name="author">``, else a "by Someone" line near the top;
- summary: ``<meta name="description">``; tags: ``<meta name="keywords">``;
- language: the ``lang`` attribute of ``<html>`` or ``<body>``;
- chapters: split at ``h1``-``h3`` headings shaped like chapter headings ("Chapter 2",
  "Prologue"), all at the highest such level; text before the first of them is the author's
  front matter and becomes ``notes``. Without chapter headings the page is one chapter.

Pages that open with a plain-text header ("Title: ...", "Rating: ..." paragraphs) are read by
the plain-text parser, see ``text_header``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields, replace

import lxml.html
from lxml.html import HtmlElement

from ficshelf.model import Document, RawChapter, RawWork, SourceKind
from ficshelf.parse.html_text import element_to_text, html_to_text
from ficshelf.parse.markup import parse_html
from ficshelf.parse.plaintext.header import parse_header_lines
from ficshelf.parse.plaintext.layout import byline_author, is_heading_shape
from ficshelf.parse.sanitize import sanitize_html

FORMAT = "html"
_TITLE_METAS = ("title", "dc.title", "dcterms.title", "og:title")
_AUTHOR_METAS = ("author", "dc.creator", "dcterms.creator")
_SUMMARY_METAS = ("description", "dc.description", "og:description")
_KEYWORD_METAS = ("keywords",)
_HEADING_TAGS = ("h1", "h2", "h3")
# Everything the plain-text header parser may state, i.e. all but where the file came from.
_MERGED_FIELDS = tuple(
    field.name
    for field in fields(RawWork)
    if field.name not in {"path", "format", "encoding", "chapters"}
)
# A byline sits among the first few blocks of the page, above the story.
_BYLINE_SEARCH_BLOCKS = 8
_BYLINE_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "center", "span", "em", "i", "b")
# A chapter as its heading text and the top-level nodes under it.
_Chapter = tuple[str | None, list[HtmlElement]]


def parse_generic_html(doc: Document) -> RawWork:
    """Read a non-AO3 HTML story; always succeeds on HTML that ``read`` accepted."""
    root = parse_html(doc.text)
    body = _body(root)
    metas = _meta_fields(root)
    title = _first_of(metas, _TITLE_METAS) or _text(root.find("head/title"))
    title_h1 = _title_heading(body, title)
    title = title or _text(title_h1)
    byline = _byline(body)
    authors = _first_of(metas, _AUTHOR_METAS) or (byline[1] if byline else None)
    page_text = element_to_text(body)
    for shown_elsewhere in (title_h1, byline[0] if byline else None):
        if shown_elsewhere is not None:
            _drop_with_empty_wrappers(shown_elsewhere, body)
    front, chapters = _split_chapters(body)
    work = RawWork(
        path=doc.path,
        format=FORMAT,
        encoding=doc.encoding,
        title=title,
        authors=(authors,) if authors else (),
        summary=_first_of(metas, _SUMMARY_METAS),
        freeforms=_keywords(metas),
        language=root.get("lang") or body.get("lang") or metas.get("language"),
        notes=html_to_text(_nodes_html(front)) or None,
        chapters=tuple(_chapter(heading, nodes) for heading, nodes in chapters),
    )
    return with_text_header(work, page_text)


def _body(root: HtmlElement) -> HtmlElement:
    body = root.find("body")
    return body if body is not None else root


def _meta_fields(root: HtmlElement) -> dict[str, str]:
    """``<meta name|property=... content=...>`` as a dict keyed by lower-case name."""
    fields: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().casefold()
        value = " ".join((meta.get("content") or "").split())
        if key and value:
            fields.setdefault(key, value)
    return fields


def _first_of(fields: dict[str, str], keys: Sequence[str]) -> str | None:
    return next((fields[key] for key in keys if fields.get(key)), None)


def _keywords(metas: dict[str, str]) -> tuple[str, ...]:
    stated = _first_of(metas, _KEYWORD_METAS) or ""
    return tuple(word.strip() for word in stated.split(",") if word.strip())


def _title_heading(body: HtmlElement, title: str | None) -> HtmlElement | None:
    """The first ``<h1>`` when it shows the title (or could be one), not a chapter heading."""
    heading = _first(body.iter("h1"))
    text = _text(heading) or ""
    if title is not None:
        return heading if text.casefold() == title.casefold() else None
    return heading if text and not is_heading_shape(text) else None


def _text(node: HtmlElement | None) -> str | None:
    if node is None:
        return None
    return " ".join(node.text_content().split()) or None


def _first(nodes: Iterable[HtmlElement]) -> HtmlElement | None:
    return next(iter(nodes), None)


def _byline(body: HtmlElement) -> tuple[HtmlElement, str] | None:
    """The element holding "by Someone" and the name, among the first blocks of the page."""
    for count, node in enumerate(body.iter(*_BYLINE_BLOCKS)):
        if count >= _BYLINE_SEARCH_BLOCKS:
            break
        name = byline_author(_text(node) or "")
        if name:
            return node, name
    return None


def _drop_with_empty_wrappers(node: HtmlElement, body: HtmlElement) -> None:
    """Remove ``node`` and any wrapper (``<center>``, ``<div>``) it leaves empty."""
    parent = node.getparent()
    node.drop_tree()
    while parent is not None and parent is not body and not _has_content(parent):
        grandparent = parent.getparent()
        parent.drop_tree()
        parent = grandparent


def _has_content(node: HtmlElement) -> bool:
    return len(node) > 0 or bool((node.text or "").strip())


def _split_chapters(body: HtmlElement) -> tuple[list[HtmlElement], list[_Chapter]]:
    """Front matter nodes and chapters; one chapter of the whole body without headings."""
    headings = _chapter_headings(body)
    parent = headings[0].getparent() if headings else None
    if parent is None or any(heading.getparent() is not parent for heading in headings):
        return [], [(None, [body])]
    children = list(parent)
    starts = [children.index(heading) for heading in headings]
    ends = [*starts[1:], len(children)]
    chapters = [
        (_text(children[start]), children[start + 1 : end])
        for start, end in zip(starts, ends, strict=True)
    ]
    return children[: starts[0]], chapters


def _chapter_headings(body: HtmlElement) -> list[HtmlElement]:
    """Chapter-shaped headings of the highest level that has any."""
    for tag in _HEADING_TAGS:
        found = [node for node in body.iter(tag) if is_heading_shape(_text(node) or "")]
        if found:
            return found
    return []


def _chapter(title: str | None, nodes: list[HtmlElement]) -> RawChapter:
    html = sanitize_html(_nodes_html(nodes))
    return RawChapter(title=title, text=html_to_text(html), html=html)


def _nodes_html(nodes: list[HtmlElement]) -> str:
    """Markup of ``nodes`` with their tails; a ``<body>`` contributes only its content."""
    parts = []
    for node in nodes:
        if node.tag == "body":
            parts.append(node.text or "")
            parts.extend(lxml.html.tostring(child, encoding="unicode") for child in node)
        else:
            parts.append(lxml.html.tostring(node, encoding="unicode"))
    return "".join(parts)


def with_text_header(work: RawWork, page_text: str) -> RawWork:
    """Hook for pages that open with a plain-text header ("Title: ...", "Rating: ...").

    Such pages are text files wrapped in ``<p>`` tags: the plain-text parser reads their
    header far better than ``<meta>`` can, so its fields win, while the chapters keep their
    sanitized HTML when both readings agree on the chapter count.
    """
    if not opens_with_text_header(page_text):
        return work
    from ficshelf.parse.plaintext import parse_text  # the plain-text parser is optional here

    stated = parse_text(
        Document(path=work.path, kind=SourceKind.TEXT, encoding=work.encoding, text=page_text)
    )
    return _merge(work, stated)


def opens_with_text_header(text: str) -> bool:
    """True when the page's first lines hold labelled header fields the plain-text parser knows."""
    header = parse_header_lines(text.split("\n"))
    return any(entry.key is not None for entry in header.entries)


def _merge(work: RawWork, stated: RawWork) -> RawWork:
    changes = {
        name: value
        for name in _MERGED_FIELDS
        if (value := getattr(stated, name)) not in (None, (), {})
    }
    if len(stated.chapters) == len(work.chapters):
        changes["chapters"] = tuple(
            replace(from_text, html=from_html.html)
            for from_text, from_html in zip(stated.chapters, work.chapters, strict=True)
        )
    elif stated.chapters:
        changes["chapters"] = stated.chapters
    return replace(work, **changes)

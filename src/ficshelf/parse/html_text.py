"""Plain text from story HTML, one paragraph per block, a blank line between paragraphs.

Used for ``RawChapter.text`` by every HTML-based parser, so word counts, search and the
"body_start" preview see the same text whatever the source. Rules:

- block elements (``p``, ``div``, headings, ``blockquote``, list items, table rows...) are
  paragraphs; ``<br>`` is a line break inside a paragraph;
- runs of whitespace (including ``&nbsp;``) inside a paragraph become one space, except in
  ``<pre>``, which keeps its lines;
- paragraphs with no visible text (``<p>&nbsp;</p>`` spacers, ``<hr>``) vanish;
- ``<head>``, scripts, styles and comments contribute nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from ficshelf.parse.markup import parse_html

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "tr", "ul",
    }
)  # fmt: skip
_SILENT_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "title", "svg", "math", "iframe"}
)
_CELL_TAGS = frozenset({"td", "th"})


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment or document (see the module docstring for the rules)."""
    return element_to_text(parse_html(html))


def element_to_text(element: HtmlElement) -> str:
    """Plain text of an already parsed element and everything inside it."""
    builder = _TextBuilder()
    _walk(builder, element)
    return builder.finish()


def contents_to_text(elements: Iterable[HtmlElement]) -> str:
    """Plain text of what is inside these parsed elements (not their own tags), one after the
    other: what ``html_to_text`` gives for their inner markup joined by line breaks, without
    serializing and parsing it again."""
    builder = _TextBuilder()
    for element in elements:
        builder.add_text("\n")
        builder.add_text(element.text)
        for child in element:
            if isinstance(child.tag, str):
                _walk(builder, child)
            else:  # a comment or processing instruction: only its tail is text
                builder.add_tail(child)
    return builder.finish()


def _walk(builder: _TextBuilder, element: etree._Element) -> None:
    # Comments and processing instructions arrive once; only their tail is text.
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        if event == "start":
            builder.open(node)
        elif event == "end":
            builder.close(node)
        else:
            builder.add_tail(node)


@dataclass
class _TextBuilder:
    """Collects paragraphs while the tree is walked; each paragraph is a list of lines."""

    paragraphs: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=lambda: [""])
    # Text of the current line not yet whitespace-collapsed: collapsing once per line rather
    # than once per text node is most of this module's speed on long stories.
    pending: list[str] = field(default_factory=list)
    pre_depth: int = 0
    silent_depth: int = 0

    def open(self, node: etree._Element) -> None:
        tag = _tag(node)
        if tag in _SILENT_TAGS:
            self.silent_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._end_paragraph()
        elif tag == "br":
            self._flush_pending()
            self.lines.append("")
        elif tag in _CELL_TAGS:
            self._add(" ")
        if tag == "pre":
            self.pre_depth += 1
        self._add(node.text)

    def close(self, node: etree._Element) -> None:
        tag = _tag(node)
        if tag in _SILENT_TAGS:
            self.silent_depth -= 1
        if tag in _BLOCK_TAGS:
            self._end_paragraph()
        if tag == "pre":
            self.pre_depth -= 1
        self.add_tail(node)

    def add_tail(self, node: etree._Element) -> None:
        self._add(node.tail)

    def add_text(self, text: str | None) -> None:
        self._add(text)

    def finish(self) -> str:
        self._end_paragraph()
        return "\n\n".join("\n".join(lines) for lines in self.paragraphs)

    def _add(self, text: str | None) -> None:
        if not text or self.silent_depth:
            return
        if self.pre_depth:
            self._flush_pending()
            first, *rest = text.split("\n")
            self.lines[-1] += first
            self.lines.extend(rest)
        else:
            self.pending.append(text)

    def _flush_pending(self) -> None:
        # Pending text always ends its line, and a line's edges are stripped with its
        # paragraph, so str.split may drop them: it collapses runs twice as fast as a regex.
        if self.pending:
            self.lines[-1] += " ".join("".join(self.pending).split())
            self.pending.clear()

    def _end_paragraph(self) -> None:
        self._flush_pending()
        lines = self.lines
        if len(lines) == 1:  # most paragraphs: one line, and nothing to trim around it
            line = lines[0].rstrip() if self.pre_depth else lines[0].strip()
            if line:
                self.paragraphs.append([line])
            lines[0] = ""
            return
        kept = [line.strip() if not self.pre_depth else line.rstrip() for line in lines]
        kept = list(_trim_blank_edges(kept))
        if kept:
            self.paragraphs.append(kept)
        self.lines = [""]


def _tag(node: etree._Element) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _trim_blank_edges(lines: list[str]) -> Iterator[str]:
    start = 0
    end = len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    yield from lines[start:end]

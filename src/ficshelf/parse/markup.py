"""Small lxml helpers shared by the HTML-based parsers (AO3 downloads and pages, EPUB XHTML).

lxml's HTML parser reads both HTML and XHTML without caring about namespaces, so one set of
XPath expressions serves AO3's HTML download and the calibre-made XHTML inside its EPUB.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterable, Iterator

import lxml.html
from lxml.html import HtmlElement

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_markup(data: bytes) -> str:
    """Decode an (X)HTML member of an EPUB: BOM, then UTF-8, then the declared encoding."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _DECLARED_ENCODING.match(data)
        codec = declared.group(1).decode("ascii") if declared else "cp1252"
        try:
            return data.decode(codec, errors="replace")
        except LookupError:
            return data.decode("cp1252", errors="replace")


def parse_html(markup: str) -> HtmlElement:
    """Parse HTML or XHTML text into an ``<html>`` element; malformed or empty input parses."""
    text = _XML_DECLARATION.sub("", markup, count=1)
    if not text.strip():
        return lxml.html.document_fromstring("<html><body></body></html>")
    return lxml.html.document_fromstring(text)


def elements(node: HtmlElement, xpath: str) -> list[HtmlElement]:
    """Typed ``xpath`` for expressions that select elements."""
    return [found for found in node.xpath(xpath) if isinstance(found, HtmlElement)]


def first(node: HtmlElement, xpath: str) -> HtmlElement | None:
    found = elements(node, xpath)
    return found[0] if found else None


def has_class(xpath_node: str, name: str) -> str:
    """XPath predicate: the element's class list contains ``name`` (not just a substring)."""
    return f"contains(concat(' ', normalize-space({xpath_node}/@class), ' '), ' {name} ')"


def classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def text_of(element: HtmlElement) -> str:
    """The element's text with runs of whitespace collapsed to single spaces."""
    return " ".join(element.text_content().split())


def inner_html(element: HtmlElement) -> str:
    """The markup inside ``element`` (its children and text, not the element's own tag).

    The element is serialized once and its own tags cut off, which is three times faster on a
    chapter than serializing each child; the tags to cut are found by serializing an empty
    copy of the element, so they match exactly whatever its attributes.
    """
    whole = lxml.html.tostring(element, encoding="unicode", with_tail=False)
    shell = lxml.html.tostring(element.makeelement(element.tag, element.attrib), encoding="unicode")
    close = f"</{element.tag}>"
    start = shell.removesuffix(close)
    if start != shell and whole.startswith(start) and whole.endswith(close):
        return str(whole[len(start) : len(whole) - len(close)])
    return _inner_html_by_children(element)  # a void element, or a tag serialized unusually


def inner_html_of(elements: Iterable[HtmlElement]) -> str:
    """The markup inside each of ``elements``, joined by line breaks: one chapter's markup
    when its story comes in several bodies (``html_text.contents_to_text`` reads its text)."""
    return "\n".join(inner_html(element) for element in elements)


def _inner_html_by_children(element: HtmlElement) -> str:
    parts = [html.escape(element.text or "", quote=False)]
    parts.extend(lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in element)
    return "".join(parts)


def is_element(node: object) -> bool:
    """True for real elements; lxml also yields comments and processing instructions."""
    return isinstance(node, HtmlElement) and isinstance(node.tag, str)


def child_elements(element: HtmlElement) -> Iterator[HtmlElement]:
    return (child for child in element if is_element(child))


def previous_element(element: HtmlElement) -> HtmlElement | None:
    sibling = element.getprevious()
    while sibling is not None and not is_element(sibling):
        sibling = sibling.getprevious()
    return sibling

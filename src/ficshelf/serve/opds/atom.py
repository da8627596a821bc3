"""Atom documents as OPDS 1.2 wants them, built with lxml from plain values.

Pure: feed heads, entries and links in, XML bytes out; nothing here knows about requests,
the library or URLs beyond the strings it is given. The element order inside ``feed`` and
``entry`` follows RFC 4287's examples (id, title, updated first), which some e-reader
clients expect even though Atom itself does not require an order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ficshelf.export.markup import xml_safe

ATOM_NS = "http://www.w3.org/2005/Atom"
OPDS_NS = "http://opds-spec.org/2010/catalog"
DC_NS = "http://purl.org/dc/terms/"
OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/"
THREAD_NS = "http://purl.org/syndication/thread/1.0"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Keyed by Any: lxml takes None for the default namespace, which lxml-stubs does not allow.
_NSMAP: dict[Any, str] = {
    None: ATOM_NS,
    "opds": OPDS_NS,
    "dc": DC_NS,
    "opensearch": OPENSEARCH_NS,
    "thr": THREAD_NS,
}

NAVIGATION_TYPE = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPENSEARCH_TYPE = "application/opensearchdescription+xml"
EPUB_TYPE = "application/epub+zip"
HTML_TYPE = "text/html"

ACQUISITION_REL = "http://opds-spec.org/acquisition"
NEWEST_REL = "http://opds-spec.org/sort/new"


@dataclass(frozen=True, slots=True)
class Link:
    """An Atom link; ``count`` becomes ``thr:count`` (how many works a navigation link opens)."""

    rel: str
    href: str
    type: str
    title: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    uri: str | None = None


@dataclass(frozen=True, slots=True)
class Category:
    """A tag: ``scheme`` names its kind (fandom, warning...), ``term`` and ``label`` its name."""

    scheme: str
    term: str
    label: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an entry's XHTML content: ``Label: text``, or just text."""

    text: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Paging:
    """Where one page sits in a longer list (OpenSearch's response elements and RFC 5005)."""

    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1


@dataclass(frozen=True, slots=True)
class Entry:
    """A navigation entry (``content`` is a short text) or a work (``content`` paragraphs)."""

    id: str
    title: str
    updated: dt.datetime
    links: tuple[Link, ...]
    content: str | tuple[Paragraph, ...] = ()
    summary: str | None = None
    authors: tuple[Person, ...] = ()
    categories: tuple[Category, ...] = ()
    language: str | None = None
    issued: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Head:
    """What a feed says about itself; ``links`` include self, start, up and search."""

    id: str
    title: str
    updated: dt.datetime
    author: Person
    links: tuple[Link, ...]
    subtitle: str | None = None
    paging: Paging | None = None


def paging_links(paging: Paging, url_for: Callable[[int], str], type: str) -> tuple[Link, ...]:
    """first/previous/next/last links around ``paging.page`` (``url_for(page)`` builds each)."""
    links = [Link("first", url_for(1), type)]
    if paging.page > 1:
        links.append(Link("previous", url_for(min(paging.page - 1, paging.pages)), type))
    if paging.page < paging.pages:
        links.append(Link("next", url_for(paging.page + 1), type))
    links.append(Link("last", url_for(paging.pages), type))
    return tuple(links)


def feed_document(head: Head, entries: Sequence[Entry]) -> bytes:
    """The whole feed as UTF-8 XML with its declaration."""
    feed = etree.Element(_atom("feed"), nsmap=_NSMAP)
    _text(feed, _atom("id"), head.id)
    _text(feed, _atom("title"), head.title)
    if head.subtitle:
        _text(feed, _atom("subtitle"), head.subtitle)
    _text(feed, _atom("updated"), timestamp(head.updated))
    _person(feed, head.author)
    for link in head.links:
        _link(feed, link)
    if head.paging is not None:
        _text(feed, _opensearch("totalResults"), str(head.paging.total))
        _text(feed, _opensearch("itemsPerPage"), str(head.paging.per_page))
        _text(feed, _opensearch("startIndex"), str(head.paging.start_index))
    for entry in entries:
        _entry(feed, entry)
    return _serialize(feed)


def opensearch_description(
    short_name: str, description: str, templates: Sequence[tuple[str, str]], example: str
) -> bytes:
    """An OpenSearch 1.1 description; ``templates`` are ``(type, URL template)`` pairs."""
    root = etree.Element(
        _in(OPENSEARCH_NS, "OpenSearchDescription"), nsmap=_default_namespace(OPENSEARCH_NS)
    )
    _text(root, _in(OPENSEARCH_NS, "ShortName"), short_name)
    _text(root, _in(OPENSEARCH_NS, "Description"), description)
    _text(root, _in(OPENSEARCH_NS, "InputEncoding"), "UTF-8")
    _text(root, _in(OPENSEARCH_NS, "OutputEncoding"), "UTF-8")
    for type, template in templates:
        _element(root, _in(OPENSEARCH_NS, "Url"), type=type, template=template)
    _element(root, _in(OPENSEARCH_NS, "Query"), role="example", searchTerms=example)
    return _serialize(root)


def timestamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC, as Atom's date constructs require."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry(feed: etree._Element, entry: Entry) -> None:
    element = etree.SubElement(feed, _atom("entry"))
    _text(element, _atom("id"), entry.id)
    _text(element, _atom("title"), entry.title)
    _text(element, _atom("updated"), timestamp(entry.updated))
    for author in entry.authors:
        _person(element, author)
    if entry.language:
        _text(element, _in(DC_NS, "language"), entry.language)
    if entry.issued is not None:
        _text(element, _in(DC_NS, "issued"), entry.issued.isoformat())
    for category in entry.categories:
        _element(
            element,
            _atom("category"),
            scheme=category.scheme,
            term=category.term,
            label=category.label,
        )
    if entry.summary:
        _text(element, _atom("summary"), entry.summary).set("type", "text")
    _content(element, entry.content)
    for link in entry.links:
        _link(element, link)


def _content(parent: etree._Element, content: str | tuple[Paragraph, ...]) -> None:
    if isinstance(content, str):
        if content:
            _text(parent, _atom("content"), content).set("type", "text")
        return
    if not content:
        return
    holder = etree.SubElement(parent, _atom("content"), type="xhtml")
    div = etree.SubElement(holder, _in(XHTML_NS, "div"), nsmap=_default_namespace(XHTML_NS))
    for paragraph in content:
        p = etree.SubElement(div, _in(XHTML_NS, "p"))
        if paragraph.label is None:
            p.text = xml_safe(paragraph.text)
            continue
        _text(p, _in(XHTML_NS, "strong"), f"{paragraph.label}:").tail = xml_safe(
            f" {paragraph.text}"
        )


def _person(parent: etree._Element, person: Person) -> None:
    element = etree.SubElement(parent, _atom("author"))
    _text(element, _atom("name"), person.name)
    if person.uri:
        _text(element, _atom("uri"), person.uri)


def _link(parent: etree._Element, link: Link) -> None:
    element = _element(parent, _atom("link"), rel=link.rel, href=link.href, type=link.type)
    if link.title:
        element.set("title", xml_safe(link.title))
    if link.count is not None:
        element.set(_in(THREAD_NS, "count"), str(link.count))


def _text(parent: etree._Element, tag: str, text: str) -> etree._Element:
    """A child holding ``text``; characters XML cannot carry (a title's stray control code)
    are dropped here, the one place feed text goes in."""
    element = etree.SubElement(parent, tag)
    element.text = xml_safe(text)
    return element


def _element(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attributes.items()})


def _default_namespace(namespace: str) -> dict[Any, str]:
    return {None: namespace}


def _atom(name: str) -> str:
    return _in(ATOM_NS, name)


def _opensearch(name: str) -> str:
    return _in(OPENSEARCH_NS, name)


def _in(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _serialize(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))

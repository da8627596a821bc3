"""Reading the catalog's feeds in tests: parse, find links and entries, follow paging."""

from __future__ import annotations

from lxml import etree
from starlette.testclient import TestClient

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/terms/",
    "os": "http://a9.com/-/spec/opensearch/1.1/",
    "thr": "http://purl.org/syndication/thread/1.0",
    "x": "http://www.w3.org/1999/xhtml",
    "osd": "http://a9.com/-/spec/opensearch/1.1/",
}
NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ACQUIRE = "http://opds-spec.org/acquisition"


def feed(client: TestClient, url: str, status: int = 200) -> etree._Element:
    answer = client.get(url)
    assert answer.status_code == status, answer.text
    return etree.fromstring(answer.content)


def link(element: etree._Element, rel: str) -> str | None:
    hrefs = element.xpath("a:link[@rel=$rel]/@href", namespaces=NS, rel=rel)
    return str(hrefs[0]) if hrefs else None


def titles(document: etree._Element) -> list[str]:
    return [str(title) for title in document.xpath("a:entry/a:title/text()", namespaces=NS)]


def total(document: etree._Element) -> int:
    return int(document.xpath("string(os:totalResults)", namespaces=NS))


def entry(document: etree._Element, title: str) -> etree._Element:
    found = document.xpath("a:entry[a:title=$title]", namespaces=NS, title=title)
    assert found, f"no entry {title!r} in {titles(document)}"
    element: etree._Element = found[0]
    return element


def all_pages(client: TestClient, url: str) -> list[etree._Element]:
    """The first page and every page after it, following rel="next"."""
    pages = [feed(client, url)]
    while (following := link(pages[-1], "next")) is not None:
        pages.append(feed(client, following))
        assert len(pages) < 50, "paging never ends"
    return pages

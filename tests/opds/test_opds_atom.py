"""The pure Atom writer: paging links, and text no XML document could hold."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from ficshelf.serve.opds.atom import (
    Entry,
    Head,
    Link,
    Paging,
    Paragraph,
    Person,
    feed_document,
    paging_links,
)

ATOM = "{http://www.w3.org/2005/Atom}"
MOMENT = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.mark.parametrize(
    ("page", "total", "rels"),
    [
        (1, 0, ["first", "last"]),
        (1, 10, ["first", "last"]),
        (1, 25, ["first", "next", "last"]),
        (2, 25, ["first", "previous", "next", "last"]),
        (3, 25, ["first", "previous", "last"]),
        (9, 25, ["first", "previous", "last"]),  # past the end: back to the last page
    ],
)
def test_paging_links(page: int, total: int, rels: list[str]) -> None:
    links = paging_links(Paging(total, page, 10), lambda n: f"/p{n}", "t")
    assert [link.rel for link in links] == rels
    assert links[-1].href == f"/p{max(1, -(-total // 10))}"
    if "previous" in rels:
        assert (
            next(link.href for link in links if link.rel == "previous") == f"/p{min(page - 1, 3)}"
        )


def test_control_characters_are_dropped_and_dates_are_utc() -> None:
    head = Head("urn:uuid:1", "A\x0bB", MOMENT, Person("ficshelf"), (Link("self", "/x", "t"),))
    item = Entry(
        id="urn:uuid:2",
        title="Title\x00 with a NUL",
        updated=MOMENT,
        links=(Link("alternate", "/w", "text/html", "Read\x07"),),
        content=(Paragraph("Explicit\x1b", "Rating"),),
        summary="Rating: Explicit\x01",
    )
    document = etree.fromstring(feed_document(head, [item]))
    assert document.findtext(f"{ATOM}title") == "AB"
    assert document.findtext(f"{ATOM}updated") == "2024-05-06T05:08:09Z"
    assert document.findtext(f"{ATOM}entry/{ATOM}title") == "Title with a NUL"
    assert "".join(document.find(f"{ATOM}entry/{ATOM}content").itertext()).strip() == (
        "Rating: Explicit"
    )

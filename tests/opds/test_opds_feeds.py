"""The catalog's feeds: valid Atom/OPDS, the right content types, navigation, paging, search."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from lxml import etree
from opds_helpers import (
    ACQUIRE,
    ACQUISITION,
    NAVIGATION,
    NS,
    all_pages,
    entry,
    feed,
    link,
    titles,
    total,
)
from starlette.testclient import TestClient

from ficshelf.serve import create_app

FEEDS = {
    "/opds": NAVIGATION,
    "/opds/recent": ACQUISITION,
    "/opds/recent?per_page=2&page=2": ACQUISITION,
    "/opds/fandoms": NAVIGATION,
    "/opds/fandoms/Naruto": ACQUISITION,
    "/opds/relationships": NAVIGATION,
    "/opds/relationships/" + quote("Hatake Kakashi/Umino Iruka", safe=""): ACQUISITION,
    "/opds/authors": NAVIGATION,
    "/opds/authors/Pell%20Marrow": ACQUISITION,
    "/opds/series": NAVIGATION,
    "/opds/series/Desk%20Duty": ACQUISITION,
    "/opds/search?q=" + quote('fandom:Naruto -warning:"Major Character Death"'): ACQUISITION,
    "/opds/search?q=nothing-matches-this-at-all": ACQUISITION,
}
ALL_TITLES = {
    "Academy Roof Repairs",
    "Ink on the Mission Desk",
    "Lanterns at the Fair",
    "Salt and Iron",
    "The Last Bridge",
    "The Quiet Ledger",
}


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_is_valid_atom_with_its_opds_content_type(
    client: TestClient, atom_schema: etree.RelaxNG, path: str
) -> None:
    answer = client.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == FEEDS[path]
    document = etree.fromstring(answer.content)
    assert atom_schema.validate(document), atom_schema.error_log.last_error


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_has_what_rfc_4287_requires(client: TestClient, path: str) -> None:
    document = feed(client, path)
    for required in ("a:id", "a:title", "a:updated"):
        assert len(document.xpath(required, namespaces=NS)) == 1, required
    feed_has_author = bool(document.xpath("a:author/a:name/text()", namespaces=NS))
    ids = document.xpath("a:entry/a:id/text()", namespaces=NS)
    assert len(ids) == len(set(ids)), "entry ids repeat"
    for item in document.xpath("a:entry", namespaces=NS):
        for required in ("a:id", "a:title", "a:updated"):
            assert len(item.xpath(required, namespaces=NS)) == 1, required
        assert feed_has_author or item.xpath("a:author/a:name/text()", namespaces=NS)
        # an entry without content must link to it (RFC 4287 4.1.1.1)
        assert item.xpath("a:content", namespaces=NS) or link(item, "alternate")
    assert all(href.startswith("urn:uuid:") for href in [document.findtext(f"{{{NS['a']}}}id")])
    assert link(document, "self") and link(document, "start")


def test_the_start_feed_offers_every_way_in(client: TestClient) -> None:
    start = feed(client, "/opds")
    assert titles(start) == ["Recent", "By fandom", "By relationship", "By author", "Series"]
    recent = entry(start, "Recent").xpath("a:link", namespaces=NS)[0]
    assert recent.get("type") == ACQUISITION
    assert recent.get(f"{{{NS['thr']}}}count") == "6"
    fandoms = entry(start, "By fandom").xpath("a:link", namespaces=NS)[0]
    assert fandoms.get("rel") == "subsection" and fandoms.get("type") == NAVIGATION


def test_fandoms_list_with_counts_and_lead_to_their_works(client: TestClient) -> None:
    fandoms = feed(client, "/opds/fandoms")
    assert titles(fandoms) == ["Harbourlight", "Naruto"]
    naruto = entry(fandoms, "Naruto")
    assert naruto.findtext(f"{{{NS['a']}}}content") == "3 works"
    opened = feed(client, link(naruto, "subsection") or "")
    assert set(titles(opened)) == {
        "Academy Roof Repairs",
        "Ink on the Mission Desk",
        "The Last Bridge",
    }
    assert total(opened) == 3
    assert link(opened, "up") == "http://testserver/opds/fandoms"


@pytest.mark.parametrize(
    ("grouping", "name", "works"),
    [
        ("relationships", "Hatake Kakashi/Umino Iruka", 2),
        ("authors", "Bram Ashgrove", 2),
        ("series", "Desk Duty", 2),
    ],
)
def test_each_grouping_counts_what_its_feed_lists(
    client: TestClient, grouping: str, name: str, works: int
) -> None:
    listed = entry(feed(client, f"/opds/{grouping}"), name)
    count = listed.xpath("a:link/@thr:count", namespaces=NS)
    opened = feed(client, link(listed, "subsection") or "")
    assert count == [str(works)] and total(opened) == works == len(titles(opened))


def test_a_series_lists_its_parts_in_order(client: TestClient) -> None:
    series = feed(client, "/opds/series/Desk%20Duty")
    assert titles(series) == ["Ink on the Mission Desk", "The Last Bridge"]


def test_recent_lists_the_newest_first(client: TestClient) -> None:
    recent = feed(client, "/opds/recent")
    updated = recent.xpath("a:entry/a:updated/text()", namespaces=NS)
    assert updated == sorted(updated, reverse=True)
    assert titles(recent)[0] == "The Quiet Ledger"  # published 2024, the newest


def test_a_work_entry_shows_rating_and_warnings_before_its_summary(client: TestClient) -> None:
    work = entry(feed(client, "/opds/recent"), "The Last Bridge")
    paragraphs = ["".join(p.itertext()) for p in work.xpath("a:content/x:div/x:p", namespaces=NS)]
    assert paragraphs[0] == "Rating: Mature"
    assert paragraphs[1] == "Archive Warning: Major Character Death"
    assert paragraphs[-1].startswith("Summary: The rope bridge")
    summary = work.findtext(f"{{{NS['a']}}}summary") or ""
    assert summary.index("Major Character Death") < summary.index("The rope bridge")


def test_a_work_entry_carries_its_metadata_and_links(client: TestClient) -> None:
    work = entry(feed(client, "/opds/recent"), "Salt and Iron")
    assert work.xpath("a:author/a:name/text()", namespaces=NS) == ["Bram Ashgrove"]
    assert work.findtext(f"{{{NS['dc']}}}language") == "en"
    assert work.findtext(f"{{{NS['dc']}}}issued") == "2019-09-09"
    categories = {
        (c.get("scheme", "").rsplit("/", 1)[-1], c.get("term"))
        for c in work.xpath("a:category", namespaces=NS)
    }
    assert {
        ("rating", "Explicit"),
        ("warnings", "Graphic Depictions Of Violence"),
        ("categories", "F/F"),
        ("fandoms", "Harbourlight"),
        ("relationships", "Mira/Tess"),
        ("freeforms", "Shipwreck"),
    } <= categories
    acquisition = work.xpath("a:link[@rel=$rel]", namespaces=NS, rel=ACQUIRE)[0]
    assert acquisition.get("type") == "application/epub+zip"
    assert acquisition.get("href").endswith(".epub")
    web = link(work, "alternate") or ""
    assert web.startswith("http://testserver/works/")
    assert client.get(web).status_code == 200


def test_paging_walks_every_work_once(client: TestClient, atom_schema: etree.RelaxNG) -> None:
    pages = all_pages(client, "/opds/recent?per_page=4")
    assert len(pages) == 2
    seen = [title for page in pages for title in titles(page)]
    assert sorted(seen) == sorted(ALL_TITLES)
    first, second = pages
    assert total(first) == total(second) == 6
    assert first.xpath("string(os:startIndex)", namespaces=NS) == "1"
    assert second.xpath("string(os:startIndex)", namespaces=NS) == "5"
    assert link(first, "previous") is None and link(second, "next") is None
    assert link(second, "previous") == link(first, "first") == link(second, "first")
    assert link(first, "last") == link(second, "self")
    assert "per_page=4" in (link(first, "next") or "")


def test_navigation_feeds_page_too(client: TestClient) -> None:
    pages = all_pages(client, "/opds/authors?per_page=1")
    assert [titles(page) for page in pages] == [
        ["Bram Ashgrove"],
        ["Ottoline Vale"],
        ["Pell Marrow"],
    ]


def test_search_takes_the_query_language(client: TestClient) -> None:
    query = 'fandom:Naruto -warning:"Major Character Death"'
    found = feed(client, "/opds/search?q=" + quote(query))
    assert set(titles(found)) == {"Academy Roof Repairs", "Ink on the Mission Desk"}
    paged = all_pages(client, "/opds/search?q=" + quote(f"{query} per-page:1"))
    assert len(paged) == 2


def test_a_search_that_cannot_be_read_says_why(client: TestClient) -> None:
    answer = client.get("/opds/search?q=" + quote("sort:sideways"))
    assert answer.status_code == 400
    document = etree.fromstring(answer.content)
    assert "sideways" in (document.findtext(f"{{{NS['a']}}}subtitle") or "")
    assert titles(document) == []


def test_the_opensearch_description_points_at_the_search_feed(client: TestClient) -> None:
    answer = client.get("/opds/opensearch.xml")
    assert answer.headers["content-type"] == "application/opensearchdescription+xml"
    document = etree.fromstring(answer.content)
    assert document.tag == f"{{{NS['osd']}}}OpenSearchDescription"
    assert document.findtext(f"{{{NS['osd']}}}ShortName")
    urls = document.xpath("osd:Url", namespaces=NS)
    assert urls[0].get("type") == ACQUISITION
    assert urls[0].get("template") == "http://testserver/opds/search?q={searchTerms}"
    start = feed(client, "/opds")
    described = start.xpath("a:link[@rel='search']/@type", namespaces=NS)
    assert "application/opensearchdescription+xml" in described


def test_ids_stay_the_same_across_restarts(client: TestClient, library_dir: object) -> None:
    before = feed(client, "/opds/recent").xpath("a:entry/a:id/text()", namespaces=NS)
    with TestClient(create_app(library_dir), base_url="http://elsewhere") as other:  # type: ignore[arg-type]
        after = feed(other, "/opds/recent").xpath("a:entry/a:id/text()", namespaces=NS)
    assert before == after and len(set(before)) == 6


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ("<id>urn:uuid:1</id>", "no updated"),
        ("<id>urn:uuid:1</id><updated>2024-01-01</updated>", "a date without a time"),
        ("<updated>2024-01-01T00:00:00Z</updated>", "no id"),
    ],
)
def test_the_schema_refuses_what_atom_refuses(
    atom_schema: etree.RelaxNG, broken: str, why: str
) -> None:
    document = etree.fromstring(
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{broken}</feed>'
    )
    assert not atom_schema.validate(document), why

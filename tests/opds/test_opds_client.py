"""End to end as an e-reader app sees it: feedparser (a real Atom client from PyPI) reads the
catalog from a real server on a loopback port, browses to a fandom, searches through the
OpenSearch template, downloads the EPUB and ficshelf's own reader opens it."""

from __future__ import annotations

import re
import urllib.request
from html import unescape
from urllib.parse import quote

import feedparser
import httpx
from lxml import etree

from ficshelf.parse import parse
from ficshelf.read import read_bytes

ACQUIRE = "http://opds-spec.org/acquisition"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def read_feed(url: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(url)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.status == 200
    return parsed


def link_of(item: feedparser.FeedParserDict, rel: str) -> feedparser.FeedParserDict:
    return next(link for link in item.links if link.rel == rel)


def by_title(parsed: feedparser.FeedParserDict, title: str) -> feedparser.FeedParserDict:
    return next(item for item in parsed.entries if item.title == title)


def test_browse_from_the_start_to_a_fandom(live_url: str) -> None:
    start = read_feed(f"{live_url}/opds")
    assert start.feed.title == "ficshelf"
    fandoms = read_feed(link_of(by_title(start, "By fandom"), "subsection").href)
    naruto = by_title(fandoms, "Naruto")
    assert naruto.content[0].value == "3 works"
    works = read_feed(link_of(naruto, "subsection").href)
    assert sorted(item.title for item in works.entries) == [
        "Academy Roof Repairs",
        "Ink on the Mission Desk",
        "The Last Bridge",
    ]
    assert works.feed.opensearch_totalresults == "3"
    bridge = by_title(works, "The Last Bridge")
    assert bridge.author == "Pell Marrow"
    assert bridge.summary.startswith("Rating: Mature\nArchive Warning: Major Character Death")
    assert {tag.term for tag in bridge.tags} >= {"Mature", "Major Character Death", "Naruto"}


def test_search_through_the_opensearch_template(live_url: str) -> None:
    start = read_feed(f"{live_url}/opds")
    description_url = next(
        link.href
        for link in start.feed.links
        if link.rel == "search" and link.type == "application/opensearchdescription+xml"
    )
    with urllib.request.urlopen(description_url) as answer:
        description = etree.fromstring(answer.read())
    template = description.find(f"{OPENSEARCH}Url").get("template")
    terms = 'fandom:Naruto -warning:"Major Character Death"'
    found = read_feed(template.replace("{searchTerms}", quote(terms)))
    assert sorted(item.title for item in found.entries) == [
        "Academy Roof Repairs",
        "Ink on the Mission Desk",
    ]


def test_download_opens_as_the_same_work(live_url: str) -> None:
    recent = read_feed(f"{live_url}/opds/recent")
    salt = by_title(recent, "Salt and Iron")
    acquisition = link_of(salt, ACQUIRE)
    assert acquisition.type == "application/epub+zip"
    answer = httpx.get(acquisition.href)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/epub+zip"
    assert 'filename="salt-and-iron-by-bram-ashgrove.epub"' in answer.headers["content-disposition"]
    book = parse(read_bytes("salt-and-iron.epub", answer.content))
    assert book.title == "Salt and Iron"
    assert book.authors == ("Bram Ashgrove",)
    assert "Explicit" in (book.rating or "")
    assert "The chain across the harbour mouth snapped at midnight" in book.chapters[0].text
    again = httpx.get(acquisition.href)
    assert again.content == answer.content


def test_paging_links_lead_through_every_work(live_url: str) -> None:
    seen: list[str] = []
    url: str | None = f"{live_url}/opds/recent?per_page=4"
    while url:
        page = read_feed(url)
        seen += [item.title for item in page.entries]
        url = next((link.href for link in page.feed.links if link.rel == "next"), None)
    assert len(seen) == len(set(seen)) == 6


def test_a_reader_token_address_hides_blocked_works_for_the_client(live_url: str) -> None:
    with httpx.Client(base_url=live_url) as browser:
        browser.post(
            "/preferences",
            data={"blocked_tags": "Mira/Tess", "blocked_authors": "", "block_mode": "hide"},
        )
        page = browser.get("/opds/address").text
    address = unescape(re.search(r'id="catalog-address"[^>]*value="([^"]+)"', page).group(1))
    start = read_feed(address)
    recent = read_feed(link_of(by_title(start, "Recent"), "http://opds-spec.org/sort/new").href)
    assert "Salt and Iron" not in [item.title for item in recent.entries]
    assert recent.feed.opensearch_totalresults == "5"
    blocked = read_feed(f"{live_url}/opds/recent")  # the plain address: nothing blocked
    assert blocked.feed.opensearch_totalresults == "6"

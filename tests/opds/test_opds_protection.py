"""Reader protection in the catalog: blocked tags and authors vanish from every feed, count
and download, whether the blocks come from the browser's cookie or a reader token."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from opds_helpers import ACQUIRE, NS, entry, feed, link, titles, total
from starlette.testclient import TestClient


def block(client: TestClient, tags: str = "", authors: str = "") -> None:
    answer = client.post(
        "/preferences",
        data={"blocked_tags": tags, "blocked_authors": authors, "block_mode": "hide"},
    )
    assert answer.status_code == 200


def catalog_address(client: TestClient) -> str:
    """The personal address /opds/address shows the reader."""
    page = client.get("/opds/address").text
    found = re.search(r'id="catalog-address"[^>]*value="([^"]+)"', page)
    assert found, page
    return unescape(found.group(1))


def download_href(client: TestClient, url: str, title: str) -> str:
    work = entry(feed(client, url), title)
    return str(work.xpath("a:link[@rel=$rel]/@href", namespaces=NS, rel=ACQUIRE)[0])


def test_a_blocked_tag_hides_works_from_every_feed_and_total(client: TestClient) -> None:
    ledger_download = download_href(client, "/opds/recent", "The Quiet Ledger")
    block(client, tags="Ghosts")
    recent = feed(client, "/opds/recent")
    assert "The Quiet Ledger" not in titles(recent) and total(recent) == 5
    assert total(feed(client, "/opds/fandoms/Harbourlight")) == 2
    assert total(feed(client, "/opds/authors/Bram%20Ashgrove")) == 1
    assert total(feed(client, "/opds/search?q=fandom:Harbourlight")) == 2
    harbour = entry(feed(client, "/opds/fandoms"), "Harbourlight")
    assert harbour.xpath("a:link/@thr:count", namespaces=NS) == ["2"]
    start = entry(feed(client, "/opds"), "Recent")
    assert start.xpath("a:link/@thr:count", namespaces=NS) == ["5"]
    assert client.get(ledger_download).status_code == 404


def test_a_blocked_relationship_takes_its_series_and_counts_along(client: TestClient) -> None:
    block(client, tags="Iruka/Kakashi")  # as written: the synonym blocks the canonical tag
    assert titles(feed(client, "/opds/series")) == []
    assert titles(feed(client, "/opds/relationships")) == ["Mira/Tess"]
    naruto = entry(feed(client, "/opds/fandoms"), "Naruto")
    assert naruto.xpath("a:link/@thr:count", namespaces=NS) == ["1"]


def test_a_blocked_author_leaves_the_author_list(client: TestClient) -> None:
    block(client, authors="bram ashgrove")
    assert titles(feed(client, "/opds/authors")) == ["Ottoline Vale", "Pell Marrow"]
    assert total(feed(client, "/opds/authors/Bram%20Ashgrove")) == 0
    assert total(feed(client, "/opds/recent")) == 4


def test_a_reader_token_carries_the_blocks_to_a_client_without_cookies(
    client: TestClient, library_dir: object
) -> None:
    block(client, tags="Ghosts", authors="Pell Marrow")
    address = catalog_address(client)
    token = parse_qs(urlsplit(address).query)["reader"][0]
    client.cookies.clear()  # now an e-reader: no cookie, only the address
    assert total(feed(client, "/opds/recent")) == 6
    start = feed(client, address)
    recent = feed(client, link(entry(start, "Recent"), "http://opds-spec.org/sort/new") or "")
    assert set(titles(recent)) == {"Academy Roof Repairs", "Lanterns at the Fair", "Salt and Iron"}
    for href in recent.xpath("//a:link[not(@rel='alternate')]/@href", namespaces=NS):
        assert parse_qs(urlsplit(href).query)["reader"] == [token], href
    authors = feed(client, link(entry(start, "By author"), "subsection") or "")
    assert titles(authors) == ["Bram Ashgrove", "Ottoline Vale"]
    searched = feed(client, f"/opds/search?q=fandom:Naruto&reader={token}")
    assert titles(searched) == ["Academy Roof Repairs"]


def test_a_forged_or_damaged_token_is_refused_not_ignored(client: TestClient) -> None:
    block(client, tags="Ghosts")
    token = parse_qs(urlsplit(catalog_address(client)).query)["reader"][0]
    client.cookies.clear()
    body, _, signature = token.rpartition(".")
    for bad in ("not-a-token", f"{body}x.{signature}", token[:-3]):
        answer = client.get("/opds/recent", params={"reader": bad})
        assert answer.status_code == 403
        assert "/opds/address" in answer.text


def test_without_blocks_the_address_is_the_plain_catalog(client: TestClient) -> None:
    assert catalog_address(client) == "http://testserver/opds"

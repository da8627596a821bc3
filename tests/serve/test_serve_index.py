"""The works index: blurbs, the query language in the URL, the sidebar, JSON, autocomplete."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.testclient import TestClient


def test_index_shows_every_work_as_a_blurb(client: TestClient) -> None:
    page = client.get("/works")
    assert page.status_code == 200
    for title in ("The Quiet Harbour", "Storm Warning", "Letters from the Garden"):
        assert title in page.text
    assert '<a rel="author" href="/authors/Wren%20Ashdown">Wren Ashdown</a>' in page.text
    assert 'href="/tags/Found%20Family"' in page.text
    # every symbol carries its meaning as text
    assert "Rating: General Audiences" in page.text
    assert "Archive warnings: Major Character Death" in page.text
    assert '<main id="main"' in page.text and 'class="skip-link"' in page.text


def test_query_in_the_url_filters_and_is_echoed(client: TestClient) -> None:
    page = client.get("/works", params={"q": "rating:g"})
    assert "The Quiet Harbour" in page.text
    assert "Storm Warning" not in page.text
    assert "1 work found for" in page.text


def test_works_json_is_the_same_list(client: TestClient) -> None:
    data = client.get("/works.json", params={"q": 'author:"Wren Ashdown"'}).json()
    assert data["total"] == 2
    assert {work["title"] for work in data["works"]} == {
        "The Quiet Harbour",
        "Letters from the Garden",
    }
    assert data["facets"]["Ratings"] == {"General Audiences": 1, "Teen And Up Audiences": 1}


def test_sidebar_composes_a_bookmarkable_query(client: TestClient) -> None:
    answer = client.get(
        "/works",
        params={"include": "Gardening", "exclude": "Angst", "rating": ["t", "g"], "sort": "-words"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    query = parse_qs(urlsplit(answer.headers["location"]).query)["q"][0]
    assert query == "tag:Gardening -tag:Angst rating:t,g sort:-words"
    page = client.get(answer.headers["location"])
    assert "Letters from the Garden" in page.text
    assert "Storm Warning" not in page.text


def test_a_bad_query_says_what_is_wrong(client: TestClient) -> None:
    page = client.get("/works", params={"q": "ratin:g"})
    assert page.status_code == 400
    assert "unknown field" in page.text
    assert client.get("/works.json", params={"q": "ratin:g"}).json()["error"]


def test_pages_link_to_each_other(client: TestClient) -> None:
    first = client.get("/works", params={"q": "per-page:1 sort:title"})
    assert 'rel="next"' in first.text and "page 1 of 4" in first.text
    second = client.get("/works", params={"q": "per-page:1 sort:title", "page": "2"})
    assert 'rel="prev"' in second.text and "page 2 of 4" in second.text


def test_autocomplete_finds_tags_and_their_synonyms(client: TestClient) -> None:
    found = client.get("/tags/autocomplete", params={"term": "gard"}).json()
    assert {"name": "Gardening", "matched": "Gardening"} in found
    assert client.get("/tags/autocomplete", params={"term": ""}).json() == []


def test_tag_author_series_and_fandom_pages(client: TestClient) -> None:
    tag = client.get("/tags/Gardening")
    assert "Letters from the Garden" in tag.text and "The Quiet Harbour" not in tag.text
    author = client.get("/authors/Wren Ashdown")
    assert "The Quiet Harbour" in author.text and "Storm Warning" not in author.text
    fandoms = client.get("/fandoms.json").json()["fandoms"]
    assert {"name": "Original Work", "works": 3} in fandoms
    assert client.get("/tags/No Such Tag").status_code == 404

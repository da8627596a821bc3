"""Reader protection: the content gate, blocked tags and authors, headers, hostile HTML."""

from __future__ import annotations

import pytest
from serve_helpers import work_id
from starlette.testclient import TestClient

STORM_TEXT = "The barometer fell all afternoon"
STORM_SUMMARY = "The storm takes more than the harbour wall"


def proceed(client: TestClient, work: int, next_path: str | None = None) -> None:
    answer = client.post(
        f"/works/{work}/proceed",
        data={"next": next_path or f"/works/{work}"},
        follow_redirects=False,
    )
    assert answer.status_code == 303


def block(client: TestClient, tags: str = "", authors: str = "", mode: str = "hide") -> None:
    client.post(
        "/preferences",
        data={"blocked_tags": tags, "blocked_authors": authors, "block_mode": mode},
    )


def test_a_warned_work_shows_rating_and_warnings_before_anything_else(
    client: TestClient,
) -> None:
    storm = work_id(client, "Storm Warning")
    page = client.get(f"/works/{storm}")
    assert "Content notice" in page.text
    assert "Explicit" in page.text and "Major Character Death" in page.text
    assert STORM_SUMMARY not in page.text and STORM_TEXT not in page.text
    for path in (f"/works/{storm}/chapters/2", f"/works/{storm}/download.txt"):
        assert "Content notice" in client.get(path).text
    assert client.get(f"/works/{storm}.json").status_code == 403


def test_proceeding_opens_the_work_and_is_remembered(client: TestClient) -> None:
    storm = work_id(client, "Storm Warning")
    proceed(client, storm)
    page = client.get(f"/works/{storm}")
    assert STORM_SUMMARY in page.text and STORM_TEXT in page.text
    assert "Morning" in client.get(f"/works/{storm}/chapters/2").text


def test_the_index_asks_before_showing_a_gated_summary(client: TestClient) -> None:
    storm = work_id(client, "Storm Warning")
    listed = client.get("/works.json").json()["works"]
    gated = next(work for work in listed if work["id"] == storm)
    assert gated["gated"] is True and gated["summary"] is None
    assert "Summary hidden until you choose" in client.get("/works").text
    proceed(client, storm)
    listed = client.get("/works.json").json()["works"]
    assert next(work for work in listed if work["id"] == storm)["summary"] == STORM_SUMMARY + "."


def test_session_scope_asks_once_for_every_work(client: TestClient) -> None:
    client.post("/preferences", data={"gate_scope": "session"})
    storm = work_id(client, "Storm Warning")
    proceed(client, storm)
    assert client.get("/works.json").json()["works"][0]["gated"] is False


def test_the_gate_redirects_only_within_the_work(client: TestClient) -> None:
    storm = work_id(client, "Storm Warning")
    answer = client.post(
        f"/works/{storm}/proceed", data={"next": "https://evil.example/"}, follow_redirects=False
    )
    assert answer.headers["location"] == f"/works/{storm}"


def test_a_blocked_tag_hides_its_works_everywhere(client: TestClient) -> None:
    storm = work_id(client, "Storm Warning")
    block(client, tags="Angst")
    index = client.get("/works.json").json()
    assert index["total"] == 3
    assert "Storm Warning" not in client.get("/works").text
    assert "Storm Warning" not in client.get("/works", params={"q": "harbour"}).text
    assert "Storm Warning" not in client.get("/tags/Original Work").text
    assert "Storm Warning" not in client.get("/authors/Tamsin Reed").text
    assert "Angst" not in index["facets"].get("Additional tags", {})
    assert "Explicit" not in index["facets"]["Ratings"]
    assert {"name": "Original Work", "works": 2} in client.get("/fandoms.json").json()["fandoms"]
    hidden = client.get(f"/works/{storm}")
    assert "Hidden by your filters" in hidden.text and "Reveal" not in hidden.text
    assert STORM_TEXT not in client.get(f"/works/{storm}?reveal=1").text


def test_blocking_a_synonym_blocks_the_canonical_tag(client: TestClient) -> None:
    block(client, tags="angst")
    assert "Storm Warning" not in client.get("/works").text


def test_collapse_mode_shows_title_and_warnings_and_reveals_on_request(
    client: TestClient,
) -> None:
    storm = work_id(client, "Storm Warning")
    block(client, tags="Shipwreck", mode="collapse")
    listed = client.get("/works.json").json()["works"]
    collapsed = next(work for work in listed if work["id"] == storm)
    assert collapsed["collapsed"] is True and "freeforms" not in collapsed
    assert "hidden by your filters" in client.get("/works").text
    notice = client.get(f"/works/{storm}")
    assert "Hidden by your filters" in notice.text and "Major Character Death" in notice.text
    revealed = client.get(f"/works/{storm}?reveal=1")
    assert "Content notice" in revealed.text  # revealing a blocked work does not skip the gate
    proceed(client, storm, f"/works/{storm}?reveal=1")
    assert STORM_TEXT in client.get(f"/works/{storm}?reveal=1").text


def test_a_blocked_author_hides_their_works(client: TestClient) -> None:
    block(client, authors="Wren Ashdown")
    titles = {work["title"] for work in client.get("/works.json").json()["works"]}
    assert titles == {"Storm Warning", "Trouble in the Archive"}


def test_block_button_on_a_tag_page(client: TestClient) -> None:
    client.post("/preferences/block", data={"tag": "Gardening", "next": "/tags/Gardening"})
    assert client.get("/preferences.json").json()["blocked_tags"] == ["Gardening"]
    assert client.get("/works.json").json()["total"] == 3


def test_a_forged_cookie_is_ignored(client: TestClient) -> None:
    block(client, tags="Angst")
    client.cookies.set("ficshelf_prefs", client.cookies["ficshelf_prefs"][:-2] + "xx")
    assert client.get("/preferences.json").json()["blocked_tags"] == []


def test_a_form_posted_from_another_site_is_refused(client: TestClient) -> None:
    answer = client.post(
        "/preferences", data={"blocked_tags": ""}, headers={"Origin": "https://evil.example"}
    )
    assert answer.status_code == 403
    answer = client.post("/preferences", data={}, headers={"Sec-Fetch-Site": "cross-site"})
    assert answer.status_code == 403


@pytest.mark.parametrize("path", ["/works", "/works.json", "/preferences", "/static/style.css"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
    assert "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_a_hostile_story_cannot_run_script_or_load_anything(client: TestClient) -> None:
    page = client.get(f"/works/{work_id(client, 'Trouble in the Archive')}")
    assert "strange note" in page.text
    lowered = page.text.lower()
    for bad in ("evil.example", "onerror", "onclick", "javascript:", "<iframe", "pwned"):
        assert bad not in lowered
    assert lowered.count("<script") == 2  # ours: enhance.js and reader.js, both 'self'

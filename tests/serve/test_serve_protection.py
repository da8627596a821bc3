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


SALT_TEXT = "polished the lens until it shone"  # The Lamp Room, part 2: Mature
EMBER_TEXT = "carried driftwood up the cliff path"  # part 3: Creator Chose Not To Use


def gated_titles(client: TestClient) -> set[str]:
    """The titles the index still asks about before showing their summary."""
    works = client.get("/works.json").json()["works"]
    return {work["title"] for work in works if work["gated"]}


def test_work_scope_opens_only_the_work_passed(series_client: TestClient) -> None:
    salt, ember = work_id(series_client, "Salt Glass"), work_id(series_client, "Ember Tide")
    assert gated_titles(series_client) == {"Salt Glass", "Ember Tide"}
    proceed(series_client, salt)
    assert SALT_TEXT in series_client.get(f"/works/{salt}").text
    for path in (f"/works/{ember}", f"/works/{ember}/chapters/2"):
        page = series_client.get(path)
        assert "Content notice" in page.text and EMBER_TEXT not in page.text
    assert series_client.get(f"/works/{ember}.json").status_code == 403
    assert gated_titles(series_client) == {"Ember Tide"}
    assert series_client.get("/series/The Lamp Room").text.count("Summary hidden until") == 1


def test_session_scope_opens_every_gated_work_for_that_session(
    series_client: TestClient,
) -> None:
    series_client.post("/preferences", data={"gate_scope": "session"})
    salt, ember = work_id(series_client, "Salt Glass"), work_id(series_client, "Ember Tide")
    assert "Content notice" in series_client.get(f"/works/{ember}").text  # not yet answered
    answer = series_client.post(
        f"/works/{salt}/proceed", data={"next": f"/works/{salt}"}, follow_redirects=False
    )
    session_cookie = next(
        header for header in answer.headers.get_list("set-cookie")
        if header.startswith("ficshelf_session=")
    )  # fmt: skip
    assert "max-age" not in session_cookie.lower() and "expires" not in session_cookie.lower()
    assert EMBER_TEXT in series_client.get(f"/works/{ember}").text
    assert "Beacon" in series_client.get(f"/works/{ember}/chapters/2").text
    assert series_client.get(f"/works/{ember}.json").status_code == 200
    assert gated_titles(series_client) == set()
    # the browser closes: the preferences stay, the session's answer does not
    reopened = TestClient(series_client.app, base_url="http://testserver")
    reopened.cookies.set("ficshelf_prefs", series_client.cookies["ficshelf_prefs"])
    assert reopened.get("/preferences.json").json()["gate_scope"] == "session"
    assert "Content notice" in reopened.get(f"/works/{ember}").text
    assert gated_titles(reopened) == {"Salt Glass", "Ember Tide"}
    stranger = TestClient(series_client.app, base_url="http://testserver")
    assert "Content notice" in stranger.get(f"/works/{salt}").text


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

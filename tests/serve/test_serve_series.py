"""Series pages: a series' works in reading order, as the reader's blocks leave them."""

from __future__ import annotations

from starlette.testclient import TestClient

SERIES = "/series/The Lamp Room"
READING_ORDER = ["Whale Road", "Salt Glass", "Ember Tide"]  # parts 1, 2, 3


def titles(client: TestClient, path: str = SERIES, **params: str) -> list[str]:
    return [work["title"] for work in client.get(path + ".json", params=params).json()["works"]]


def in_page_order(text: str, names: list[str]) -> list[str]:
    """``names`` in the order they first appear in ``text`` (absent ones left out)."""
    return sorted((name for name in names if name in text), key=text.index)


def test_a_series_page_lists_its_works_in_reading_order(series_client: TestClient) -> None:
    # imported as part 3, 1, 2; newest first would be 2, 1, 3; by title 3, 2, 1
    page = series_client.get(SERIES)
    assert page.status_code == 200
    assert "<h1>The Lamp Room</h1>" in page.text and "3 works" in page.text
    assert in_page_order(page.text, READING_ORDER) == READING_ORDER
    data = series_client.get(SERIES + ".json").json()
    assert data["series"] == "The Lamp Room" and data["total"] == 3
    assert [work["title"] for work in data["works"]] == READING_ORDER
    assert [work["series"][0]["position"] for work in data["works"]] == [1, 2, 3]


def test_a_series_page_pages_in_reading_order(series_client: TestClient) -> None:
    assert titles(series_client, q="per-page:1") == ["Whale Road"]
    assert titles(series_client, q="per-page:1", page="2") == ["Salt Glass"]
    assert 'rel="next"' in series_client.get(SERIES, params={"q": "per-page:2"}).text


def test_a_chosen_sort_or_narrowing_still_applies(series_client: TestClient) -> None:
    assert titles(series_client, q="sort:title") == ["Ember Tide", "Salt Glass", "Whale Road"]
    assert titles(series_client, q="rating:<=teen") == ["Whale Road", "Ember Tide"]


def test_series_names_ignore_case_and_unknown_series_are_not_found(
    series_client: TestClient,
) -> None:
    assert titles(series_client, "/series/the lamp  room") == READING_ORDER
    assert series_client.get("/series/No Such Series").status_code == 404


def test_a_blocked_tag_hides_its_work_from_the_series_page_and_count(
    series_client: TestClient,
) -> None:
    series_client.post("/preferences", data={"blocked_tags": "Storms", "block_mode": "hide"})
    page = series_client.get(SERIES)
    assert "Salt Glass" not in page.text and "2 works" in page.text
    assert in_page_order(page.text, READING_ORDER) == ["Whale Road", "Ember Tide"]
    data = series_client.get(SERIES + ".json").json()
    assert data["total"] == 2 and titles(series_client) == ["Whale Road", "Ember Tide"]


def test_collapse_mode_keeps_the_blocked_part_in_its_place(series_client: TestClient) -> None:
    series_client.post(
        "/preferences", data={"blocked_authors": "Corin Vale", "block_mode": "collapse"}
    )
    works = series_client.get(SERIES + ".json").json()["works"]
    assert [work["title"] for work in works] == READING_ORDER
    assert all(work["collapsed"] and "freeforms" not in work for work in works)
    assert series_client.get(SERIES).text.count("(hidden by your filters)") == 3

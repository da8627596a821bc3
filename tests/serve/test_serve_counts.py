"""Counts and suggestions never tell of works a reader blocked: tag pages, wrangling,
autocomplete."""

from __future__ import annotations

from starlette.testclient import TestClient


def block(client: TestClient, tags: str, mode: str = "hide") -> None:
    client.post("/preferences", data={"blocked_tags": tags, "block_mode": mode})


def tag_count(client: TestClient, name: str) -> tuple[int, int]:
    """``(tag.works, total)`` from a tag's JSON."""
    data = client.get(f"/tags/{name}.json").json()
    return data["tag"]["works"], data["total"]


def suggested(client: TestClient, term: str, purpose: str | None = None) -> set[str]:
    params = {"term": term} | ({"for": purpose} if purpose else {})
    return {tag["name"] for tag in client.get("/tags/autocomplete", params=params).json()}


def test_a_tag_count_leaves_out_blocked_works(client: TestClient) -> None:
    assert tag_count(client, "Original Work") == (3, 3)
    block(client, "Angst")
    assert tag_count(client, "Original Work") == (2, 2)
    page = client.get("/tags/Original Work")
    assert "2 works" in page.text and "3 works" not in page.text
    assert tag_count(client, "Angst") == (0, 0)


def test_a_tag_count_leaves_blocked_works_out_in_collapse_mode_too(client: TestClient) -> None:
    block(client, "Angst", mode="collapse")
    works, listed = tag_count(client, "Original Work")
    assert works == 2
    assert listed == 3  # the list shows the blocked work collapsed to title and warnings


def test_a_meta_tag_count_leaves_out_works_blocked_by_a_sub_tag(
    series_client: TestClient,
) -> None:
    assert tag_count(series_client, "Weather") == (1, 1)
    assert tag_count(series_client, "Lighthouses") == (3, 3)
    block(series_client, "Storms")
    assert tag_count(series_client, "Weather") == (0, 0)
    assert tag_count(series_client, "Lighthouses") == (2, 2)


def test_wrangling_counts_leave_out_blocked_works(series_client: TestClient) -> None:
    def counts() -> dict[str, int]:
        rows = series_client.get("/wrangling.json").json()
        return {row["name"]: row["works"] for row in rows}

    assert counts()["Lighthouses"] == 3
    block(series_client, "Storms")
    assert counts()["Lighthouses"] == 2 and counts()["Storms"] == 0
    assert "freeform, 2 works" in series_client.get("/wrangling").text


def test_autocomplete_does_not_offer_a_blocked_tag_for_including(
    series_client: TestClient,
) -> None:
    assert "Weather" in suggested(series_client, "wea")
    assert "Beacon Fires" in suggested(series_client, "bonf")  # found by its synonym
    block(series_client, "Weather\nbonfires")
    assert suggested(series_client, "wea") == set()
    assert suggested(series_client, "sto") == set()  # a sub-tag goes with its meta tag
    assert "Beacon Fires" not in suggested(series_client, "bea")  # blocked by a synonym
    assert "Beacon Fires" not in suggested(series_client, "bonf")
    assert suggested(series_client, "whal") == {"Whales"}  # the others are still offered


def test_the_exclude_box_still_offers_blocked_tags(series_client: TestClient) -> None:
    block(series_client, "Weather")
    assert "Weather" in suggested(series_client, "wea", "exclude")
    assert "Storms" in suggested(series_client, "sto", "exclude")

"""Import from the browser, and the wrangling review page."""

from __future__ import annotations

import io
import time
import zipfile

from starlette.testclient import TestClient

NEW_STORY = b"""Title: Lamplighter
Author: Ottoline Fay
Fandom: Original Work
Rating: General Audiences
Tags: Lamps, Qwertyuiop Feelings

The lamplighter walked the length of the street at dusk, and one by one the windows woke.
"""


def finished(client: TestClient, location: str) -> dict[str, object]:
    for _ in range(200):
        state: dict[str, object] = client.get(location + ".json").json()
        if state["done"]:
            return state
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def test_uploading_a_zip_imports_it_and_shows_the_cli_summary(client: TestClient) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("lamplighter.txt", NEW_STORY)
        zipped.writestr("notes.bin", b"\x00\x01\x02")
    answer = client.post(
        "/import",
        files=[("files", ("stories.zip", archive.getvalue(), "application/zip"))],
        follow_redirects=False,
    )
    assert answer.status_code == 303
    state = finished(client, answer.headers["location"])
    summary = state["summary"]
    assert isinstance(summary, dict) and summary["imported"] == 1
    page = client.get(answer.headers["location"])
    assert "Import finished" in page.text and '<th scope="row">imported</th><td>1</td>' in page.text
    assert "Lamplighter" in client.get("/works").text


def test_importing_the_same_file_again_changes_nothing(client: TestClient) -> None:
    for expected in ("imported", "unchanged"):
        answer = client.post("/import", files=[("files", ("lamp.txt", NEW_STORY, "text/plain"))])
        location = str(answer.url.path)
        summary = finished(client, location)["summary"]
        assert isinstance(summary, dict) and summary[expected] == 1


def test_an_empty_upload_asks_for_a_file(client: TestClient) -> None:
    page = client.post("/import", data={})
    assert page.status_code == 400 and "Choose at least one file" in page.text


def test_wrangling_lists_unplaced_tags_and_saves_a_rule(client: TestClient) -> None:
    answer = client.post("/import", files=[("files", ("lamp.txt", NEW_STORY, "text/plain"))])
    finished(client, str(answer.url.path))
    review = client.get("/wrangling.json").json()
    assert "Qwertyuiop Feelings" in [tag["name"] for tag in review]
    saved = client.post(
        "/wrangling",
        data={"kind": "rename", "type": "freeform", "source": "Qwertyuiop Feelings",
              "target": "Complicated Feelings"},
    )  # fmt: skip
    assert "Rule saved" in saved.text
    assert "Complicated Feelings" in client.get("/works").text
    assert "Qwertyuiop Feelings" not in [
        tag["name"] for tag in client.get("/wrangling.json").json()
    ]

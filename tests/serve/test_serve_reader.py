"""Reading: preface, chapters, table of contents, places and history, settings, downloads."""

from __future__ import annotations

import io
import zipfile

from serve_helpers import work_id
from starlette.testclient import TestClient


def test_work_page_has_an_ao3_preface_then_the_first_chapter(client: TestClient) -> None:
    letters = work_id(client, "Letters from the Garden")
    page = client.get(f"/works/{letters}")
    for label in ("Rating:", "Archive Warning:", "Category:", "Fandom:", "Additional Tags:"):
        assert label in page.text
    assert "Teen And Up Audiences" in page.text and "Two neighbours argue" in page.text
    assert "your tomatoes are leaning" in page.text
    assert "Perhaps you could move the sun" not in page.text
    assert f'href="/works/{letters}/chapters/2"' in page.text
    assert 'aria-labelledby="toc-heading"' in page.text


def test_entire_work_view_has_every_chapter(client: TestClient) -> None:
    letters = work_id(client, "Letters from the Garden")
    page = client.get(f"/works/{letters}", params={"view": "full"})
    assert "your tomatoes are leaning" in page.text and "enclosed a basket" in page.text


def test_chapters_link_to_their_neighbours(client: TestClient) -> None:
    letters = work_id(client, "Letters from the Garden")
    middle = client.get(f"/works/{letters}/chapters/2")
    assert "Perhaps you could move the sun" in middle.text
    assert f'rel="prev" href="/works/{letters}/chapters/1"' in middle.text
    assert f'rel="next" href="/works/{letters}/chapters/3"' in middle.text
    assert "<kbd>j</kbd>" in middle.text  # the shortcuts are documented on the page
    last = client.get(f"/works/{letters}/chapters/3")
    assert 'rel="next"' not in last.text
    assert client.get(f"/works/{letters}/chapters/4").status_code == 404
    assert client.get("/works/999").status_code == 404


def test_the_reading_place_is_remembered_and_offered_back(client: TestClient) -> None:
    letters = work_id(client, "Letters from the Garden")
    saved = client.post(f"/works/{letters}/position", data={"chapter": "2", "fraction": "0.4"})
    assert saved.status_code == 204
    assert (
        f'href="/works/{letters}/chapters/2">continue where you stopped'
        in client.get(f"/works/{letters}").text
    )
    assert 'data-restore="0.4000"' in client.get(f"/works/{letters}/chapters/2").text
    history = client.get("/history.json").json()
    assert history == [
        {"id": letters, "title": "Letters from the Garden", "chapter": 2, "fraction": 0.4}
    ]
    assert "40% read" in client.get("/history").text
    bad = client.post(f"/works/{letters}/position", data={"chapter": "9", "fraction": "0.1"})
    assert bad.status_code == 400


def test_reading_settings_are_remembered(client: TestClient) -> None:
    client.post(
        "/preferences", data={"theme": "dark", "font": "sans", "size": "large", "width": "wide"}
    )
    page = client.get("/works")
    assert 'data-theme="dark" data-font="sans" data-size="large" data-width="wide"' in page.text
    client.post("/preferences/reading", data={"theme": "sepia", "next": "/works"})
    assert 'data-theme="sepia" data-font="sans"' in client.get("/works").text
    client.post("/preferences", data={"theme": "neon"})
    assert 'data-theme="sepia"' in client.get("/works").text  # an unknown theme is ignored


def test_download_streams_an_epub(client: TestClient) -> None:
    harbour = work_id(client, "The Quiet Harbour")
    answer = client.get(f"/works/{harbour}/download.epub")
    assert answer.headers["content-type"] == "application/epub+zip"
    assert "attachment" in answer.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(answer.content)) as epub:
        assert epub.read("mimetype") == b"application/epub+zip"
    assert client.get(f"/works/{harbour}/download.exe").status_code == 404

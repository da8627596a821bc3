"""``parse`` hands every kind of file to the parser that reads it, named in RawWork.format."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.parse import parse
from ficshelf.read import read_bytes, read_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "generic"


@pytest.mark.parametrize(
    ("name", "data", "expected_format"),
    [
        ("story.txt", b"Title: Salt\nAuthor: Wren\n\nThe sea was calm.", "text"),
        ("story.md", b"---\ntitle: Salt\n---\nThe sea was calm.", "markdown"),
        ("story.html", b"<html><body><h1>Salt</h1><p>The sea was calm.</p></body></html>", "html"),
    ],
)
def test_each_kind_reaches_its_parser(name: str, data: bytes, expected_format: str) -> None:
    work = parse(read_bytes(name, data))
    assert work.format == expected_format
    assert work.title == "Salt"
    assert work.path == name


def test_an_html_page_that_only_mentions_ao3_is_generic() -> None:
    page = (
        b"<html><head><title>Salt</title></head><body>"
        b"<p>Also posted at archiveofourown.org.</p><p>The sea was calm.</p></body></html>"
    )
    assert parse(read_bytes("salt.html", page)).format == "html"


@pytest.mark.parametrize("name", ["chaptered.html", "oneshot.html", "story.md"])
def test_fixture_stories_keep_their_encoding_and_path(name: str) -> None:
    path = FIXTURES / name
    work = parse(read_path(path))
    assert work.path == str(path)
    assert work.encoding == "utf-8"
    assert work.chapters

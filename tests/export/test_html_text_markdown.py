"""The single-file HTML, plain-text and Markdown exports."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import yaml
from export_helpers import make_work

from ficshelf.export import UnknownFormatError, export_work
from ficshelf.model import RawChapter


def test_html_export_is_one_self_contained_page(tmp_path: Path) -> None:
    path = export_work(make_work(title="Tom & Jerry <3"), "html", tmp_path)
    page = path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    root = lxml.html.document_fromstring(page)
    assert root.xpath("//title/text()") == ["Tom & Jerry <3 - Wren Ashgrove"]
    assert root.xpath("//h1/text()") == ["Tom & Jerry <3"]
    assert not root.xpath("//link | //script | //img | //*[@src]")
    labels = [" ".join(dt.text_content().split()) for dt in root.xpath("//dl[@class='tags']/dt")]
    assert labels == [
        "Rating:", "Archive Warning:", "Category:", "Fandom:", "Relationship:",
        "Characters:", "Additional Tags:", "Language:", "Series:", "Stats:",
    ]  # fmt: skip
    assert [h.text for h in root.xpath("//h2")] == ["Chapter 1: The Lake", "Chapter 2"]


def test_html_export_drops_hostile_markup(tmp_path: Path) -> None:
    chapter = RawChapter(
        title=None, text="Hi", html='<p onclick="x()">Hi<script>bad()</script></p>'
    )
    page = export_work(make_work(chapters=(chapter,)), "html", tmp_path).read_text("utf-8")
    assert "<script" not in page and "onclick" not in page and "Hi" in page


def test_text_export_opens_with_a_labelled_header(tmp_path: Path) -> None:
    text = export_work(make_work(), "txt", tmp_path).read_text("utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    assert header[:4] == [
        "Title: A Quiet Lake",
        "Author: Wren Ashgrove",
        "Rating: Teen And Up Audiences",
        "Warnings: No Archive Warnings Apply",
    ]
    assert "Chapter 1: The Lake" in text


def test_markdown_export_has_yaml_front_matter(tmp_path: Path) -> None:
    text = export_work(make_work(), "md", tmp_path).read_text("utf-8")
    _, front, body = text.split("---\n", 2)
    fields = yaml.safe_load(front)
    assert fields["title"] == "A Quiet Lake"
    assert fields["series"] == [{"name": "Quiet Places", "position": 2}]
    assert fields["summary"] == "Two friends wait by a lake.\n\nNothing bad happens."
    assert "## Chapter 1: The Lake" in body and "*still*" in body


def test_an_unknown_format_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="'pdf'"):
        export_work(make_work(), "pdf", tmp_path)

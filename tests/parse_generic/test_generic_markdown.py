"""Markdown fics with YAML front matter: every stated field lands where the wrangler expects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ficshelf.model import SeriesRef
from ficshelf.parse import parse
from ficshelf.read import read_bytes, read_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "generic"


def test_front_matter_fields() -> None:
    work = parse(read_path(FIXTURES / "story.md"))
    assert work.format == "markdown"
    assert work.encoding == "utf-8"
    assert work.title == "The Quiet Orchard"
    assert work.authors == ("Fennel Marsh", "Juniper Ames")
    assert work.fandoms == ("Original Work",)
    assert work.rating == "Teen And Up Audiences"
    assert work.warnings == ("No Archive Warnings Apply",)
    assert work.categories == ("F/M",)
    assert work.relationships == ("Ada/Tom",)
    assert work.characters == ("Ada", "Tom")
    assert work.freeforms == ("Orchards", "Autumn")
    assert work.summary == "Two neighbours argue about apples."
    assert work.series == (SeriesRef("Orchard Seasons", 2),)
    assert work.language == "English"
    assert work.status == "complete"
    assert work.published == dt.date(2021, 9, 14)
    assert work.updated == dt.date(2021, 10, 14)
    assert work.words == 1234
    assert (work.chapter_count, work.chapters_expected) == (2, 2)
    assert work.extra == {"Beta": "Sorrel"}


def test_chapters_split_at_chapter_headings_and_front_text_is_notes() -> None:
    work = parse(read_path(FIXTURES / "story.md"))
    assert work.notes == "A note before we start: this one is for my grandmother."
    assert [chapter.title for chapter in work.chapters] == [
        "Chapter 1: Windfall",
        "Chapter 2: Cider",
    ]
    first, second = work.chapters
    assert first.text.startswith("Ada found seven apples on the wrong side of the fence.")
    assert "## Chapter 9: not a heading" in first.text  # inside a code fence, not a chapter
    assert second.text == "Tom brought the cider himself."
    assert second.html == (
        '<p>Tom brought the <a href="https://example.org" rel="noopener noreferrer">'
        "cider</a> himself.</p>\n"
    )


def test_keys_are_case_insensitive_and_strings_or_lists() -> None:
    text = (
        "---\nTITLE: Salt\nAuthor: Wren\nShips: Ada/Tom\nTags: Fluff\n"
        "Series: Tides\nDate: 2020-05-01\n---\nThe sea was calm."
    )
    work = parse(read_bytes("salt.md", text.encode()))
    assert work.title == "Salt"
    assert work.authors == ("Wren",)
    assert work.relationships == ("Ada/Tom",)
    assert work.freeforms == ("Fluff",)
    assert work.series == (SeriesRef("Tides"),)
    assert work.published == dt.date(2020, 5, 1)
    assert len(work.chapters) == 1
    assert work.chapters[0].text == "The sea was calm."


def test_markdown_without_front_matter_takes_title_from_its_heading() -> None:
    work = parse(read_bytes("salt.md", b"# Salt\n\nThe sea was *calm*.\n"))
    assert work.title == "Salt"
    assert work.chapters[0].text == "The sea was calm."
    assert work.chapters[0].html == "<p>The sea was <em>calm</em>.</p>\n"


def test_html_inside_markdown_is_sanitized() -> None:
    text = b"---\ntitle: X\n---\nHello <script>steal()</script><img src='https://e.example/t.png'>"
    work = parse(read_bytes("x.md", text))
    html = work.chapters[0].html or ""
    assert "<script" not in html
    assert "<img" not in html


def test_headings_read_as_text_and_quoted_headings_do_not_split() -> None:
    text = (
        "---\ntitle: Lantern Row\n---\n"
        "## Chapter *One*: The [Lamp][lamp]\n\nThe wick caught at last.\n\n"
        "> ## Chapter 9: a quoted heading\n> is part of the letter.\n\n"
        "## Chapter Two\n\nShe read the [letter][lamp] twice.\n\n"
        "[lamp]: https://example.org/lamp\n"
    )
    work = parse(read_bytes("lantern.md", text.encode()))
    assert [chapter.title for chapter in work.chapters] == [
        "Chapter One: The Lamp",
        "Chapter Two",
    ]
    first, second = work.chapters
    assert "Chapter 9: a quoted heading" in first.text
    # A link reference defined at the end of the story works in every chapter.
    assert 'href="https://example.org/lamp"' in second.html
    assert second.text == "She read the letter twice."

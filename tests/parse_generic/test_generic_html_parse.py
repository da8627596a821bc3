"""Generic (non-AO3) HTML fics: metadata from the page, chapters at chapter headings."""

from __future__ import annotations

from pathlib import Path

from ficshelf.parse import parse
from ficshelf.read import read_bytes, read_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "generic"


def test_a_chaptered_page_gives_its_metadata_and_chapters() -> None:
    work = parse(read_path(FIXTURES / "chaptered.html"))
    assert work.format == "html"
    assert work.title == "The Lantern Keeper"
    assert work.authors == ("Wren Halloway",)
    assert work.summary == "A keeper of lanterns learns the river's names."
    assert work.freeforms == ("Hurt/Comfort", "Slow Burn")
    assert work.language == "en"
    assert work.notes == "Thanks to my beta, who read it twice."
    assert [chapter.title for chapter in work.chapters] == ["Chapter 1: Dusk", "Chapter 2: Dawn"]
    assert work.chapters[0].text == (
        "The river was dark when Maren lit the first lantern.\n\nShe counted the boats & waited."
    )
    assert work.chapters[1].text.startswith("By morning the lanterns had gone out")


def test_chapter_html_is_sanitized() -> None:
    work = parse(read_path(FIXTURES / "chaptered.html"))
    html = "".join(chapter.html or "" for chapter in work.chapters)
    assert "<em>first</em>" in html
    for unsafe in ("<script", "<img", "onerror", "javascript:", "<link", "tracker.example"):
        assert unsafe not in html
    assert '<a href="https://example.org/next" rel="noopener noreferrer">next</a>' in html


def test_a_one_shot_takes_title_from_h1_and_author_from_its_byline() -> None:
    work = parse(read_path(FIXTURES / "oneshot.html"))
    assert work.title == "Small Hours"
    assert work.authors == ("Tamsin Crowe",)
    assert len(work.chapters) == 1
    chapter = work.chapters[0]
    assert chapter.title is None
    assert chapter.text == (
        "The kettle had been singing for a while before anyone noticed.\n\n"
        "Outside, snow settled on the fence posts.\nNobody spoke."
    )
    assert "Small Hours" not in (chapter.html or "")
    assert "Tamsin" not in (chapter.html or "")


def test_a_page_without_head_uses_its_first_heading() -> None:
    page = b"<body><h1>Moth Light</h1><p>The moths came at dusk.</p></body>"
    work = parse(read_bytes("moth.html", page))
    assert work.title == "Moth Light"
    assert work.chapters[0].text == "The moths came at dusk."


def test_a_page_with_a_plain_text_header_is_read_like_a_text_file() -> None:
    work = parse(read_path(FIXTURES / "text_header.html"))
    assert work.format == "html"
    assert work.title == "Paper Boats"
    assert work.authors == ("Linnet Vane",)
    assert work.rating == "PG"
    assert work.relationships == ("Anna/Elsa",)
    assert work.summary == "Two sisters fold boats from old letters."
    assert work.chapters[0].text.startswith("The first boat sank at once")
    assert work.chapters[0].html is not None

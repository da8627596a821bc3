"""AO3 "Download > HTML": preface fields, chapters, notes, in every template generation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ficshelf.errors import NotAStory
from ficshelf.model import Document, SeriesRef, SourceKind
from ficshelf.parse.ao3_html import looks_like_ao3_download, parse_ao3_html

Load = Callable[[str], Document]


def test_current_template_preface_fields_read_as_written(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("current_multichapter.html"))

    assert (work.origin, work.format) == ("ao3", "ao3-html")
    assert work.title == "The Lantern Keepers"
    assert work.authors == ("quillfeather", "wren (saltwren)")
    assert work.rating == "Teen And Up Audiences"
    assert work.warnings == ("Graphic Depictions Of Violence", "Major Character Death")
    assert work.categories == ("F/M", "Gen")
    assert work.fandoms == ("Lighthouse Tales (Web Series)",)
    assert work.relationships == ("Mara Quell/Tobin Ash", "Mara Quell & Old Petra")
    assert work.characters == ("Mara Quell", "Tobin Ash", "Old Petra")
    assert work.freeforms == ("Slow Burn", "Storms", "it's always the lighthouse")
    assert work.language == "en"
    assert work.extra["Collections"] == "Sea Week 2023"
    assert work.extra["Source URL"] == "https://archiveofourown.org/works/1001"


def test_two_series_keep_their_positions(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("current_multichapter.html"))

    assert work.series == (
        SeriesRef("Tide Songs", 2),
        SeriesRef("Harbor, Lights, and Other Things", 5),
    )


def test_stats_of_a_completed_work(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("current_multichapter.html"))

    assert work.words == 1024
    assert (work.chapter_count, work.chapters_expected) == (2, 2)
    assert work.status == "complete"
    assert work.published == dt.date(2023, 1, 5)
    assert work.updated == dt.date(2023, 2, 11)


def test_summary_notes_and_end_notes_are_plain_paragraphs(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("current_multichapter.html"))

    assert work.summary == "Two keepers, one light.\n\nThe storm does not care who is tired."
    assert work.notes == "Written for a friend who loves weather."
    assert work.end_notes == "Thank you for reading."


def test_translations_and_inspired_works_are_kept_in_extra(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("current_multichapter.html"))

    assert "Les Gardiens by phare" in work.extra["Translations"]
    assert work.extra["Works inspired by this one"] == "Lamp Oil by gullwing"


def test_chapters_carry_title_summary_notes_and_story_text(ao3_doc: Load) -> None:
    first, second = parse_ao3_html(ao3_doc("current_multichapter.html")).chapters

    assert first.title == "The Wick"
    assert first.summary == "Mara trims the wick."
    assert first.notes == "A quiet start."
    assert first.end_notes == "More soon."
    assert first.text.startswith("The lamp room smelled of oil and salt.")
    assert "Chapter Summary" not in first.text and "More soon" not in first.text
    assert second.title == "The Gale"
    assert second.summary is None and second.notes is None
    assert "Tobin laughed" in second.text
    assert second.html is not None and "<p>" in second.html


def test_older_template_labels_and_in_progress_chapters(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("old_template_in_progress.html"))

    assert work.warnings == ("No Archive Warnings Apply",)
    assert work.categories == ("M/M", "Gen")
    assert work.relationships == ("Ferry/Lock",)
    assert work.characters == ("Ferry", "Lock")
    assert work.series == (SeriesRef("Water Stories", 1),)
    assert work.language is None
    assert (work.chapter_count, work.chapters_expected, work.status) == (3, None, "in-progress")
    assert work.updated == dt.date(2010, 7, 15)
    assert work.words == 412
    assert work.extra["Inspired by"] == "Origami by crane"


def test_older_template_chapter_headings(ao3_doc: Load) -> None:
    chapters = parse_ao3_html(ao3_doc("old_template_in_progress.html")).chapters

    assert [c.title for c in chapters] == ["Chapter 1", "Downstream", "The Weir"]
    assert chapters[2].text == "They met where the water fell."


def test_single_chapter_work_has_one_untitled_chapter(ao3_doc: Load) -> None:
    work = parse_ao3_html(ao3_doc("single_chapter.html"))

    assert [c.title for c in work.chapters] == [None]
    assert work.chapters[0].text.startswith("Das Eis trug die Buden")
    assert work.authors == ("Anonymous",)
    assert work.language == "de"
    assert work.notes is None  # only "see the end of the work"
    assert work.end_notes == "Frohe Feiertage."
    assert work.rating == "Not Rated"
    assert work.status == "complete"


def test_detects_ao3_downloads_only(ao3_doc: Load) -> None:
    assert looks_like_ao3_download(ao3_doc("current_multichapter.html").text)
    assert not looks_like_ao3_download("<html><body><p>Just a story.</p></body></html>")


def test_html_without_ao3_preface_is_not_an_ao3_story() -> None:
    doc = Document("plain.html", SourceKind.HTML, "utf-8", "<html><body><p>Hi</p></body></html>")

    with pytest.raises(NotAStory, match=r"plain\.html: no AO3 preface"):
        parse_ao3_html(doc)

"""AO3 work pages saved from the browser: the work, or one clear line saying why it is absent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ficshelf.errors import NotAStory
from ficshelf.model import Document, SeriesRef
from ficshelf.parse.ao3_workpage import looks_like_ao3_workpage, parse_ao3_workpage

Load = Callable[[str], Document]


def test_unlocked_page_metadata(ao3_doc: Load) -> None:
    work = parse_ao3_workpage(ao3_doc("workpage_unlocked.html"))

    assert (work.origin, work.format) == ("ao3", "ao3-workpage")
    assert work.title == "Orchard Hours"
    assert work.authors == ("bramble",)
    assert work.rating == "General Audiences"
    assert work.warnings == ("No Archive Warnings Apply",)
    assert work.categories == ("F/F",)
    assert work.fandoms == ("Seasons (Anthology)", "Orchard Stories")
    assert work.relationships == ("Hazel/Rowan",)
    assert work.characters == ("Hazel", "Rowan")
    assert work.freeforms == ("Apples", "Fluff")
    assert work.language == "en"
    assert work.series == (SeriesRef("Year Round", 3), SeriesRef("Fruit", 1))
    assert work.extra["Source URL"] == "https://archiveofourown.org/works/5150"


def test_unlocked_page_stats(ao3_doc: Load) -> None:
    work = parse_ao3_workpage(ao3_doc("workpage_unlocked.html"))

    assert work.words == 2500
    assert (work.chapter_count, work.chapters_expected, work.status) == (2, 4, "in-progress")
    assert work.published == dt.date(2022, 9, 1)
    assert work.updated == dt.date(2022, 10, 1)


def test_unlocked_page_preface_and_chapters(ao3_doc: Load) -> None:
    work = parse_ao3_workpage(ao3_doc("workpage_unlocked.html"))

    assert work.summary == "Picking season, told in hours."
    assert work.notes == "For the orchard crew."
    assert work.end_notes == "Two more chapters to come."
    first, second = work.chapters
    assert (first.title, first.summary, first.end_notes) == (
        "Dawn",
        "Ladders in the grass.",
        "Dawn is early.",
    )
    assert first.text == "Hazel climbed the first ladder before the sun did."
    assert second.title == "Chapter 2"
    assert "Chapter Text" not in second.text


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("workpage_locked.html", "locked to logged-in users"),
        ("workpage_deleted.html", "deleted"),
        ("workpage_hidden.html", "hidden"),
        ("workpage_adult_notice.html", "adult-content notice"),
    ],
)
def test_pages_without_the_story_say_why(ao3_doc: Load, fixture: str, reason: str) -> None:
    doc = ao3_doc(fixture)

    assert looks_like_ao3_workpage(doc.text)
    with pytest.raises(NotAStory, match=f"AO3 page without the story: .*{reason}"):
        parse_ao3_workpage(doc)

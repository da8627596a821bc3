"""Chapter headings split chapters only when they look like headings."""

from __future__ import annotations

import pytest

from ficshelf.model import Document, RawWork, SourceKind
from ficshelf.parse.plaintext import parse_text


def parse(text: str) -> RawWork:
    doc = Document(path="story.txt", kind=SourceKind.TEXT, encoding="utf-8", text=text)
    return parse_text(doc)


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Chapter 3: The Return", "Chapter 3: The Return"),
        ("Chapter Three", "Chapter Three"),
        ("CHAPTER 12", "CHAPTER 12"),
        ("Part Two", "Part Two"),
        ("~ 4 ~", "4"),
        ("Chapitre 2", "Chapitre 2"),
        ("Глава 2", "Глава 2"),
        ("Kapitel 2", "Kapitel 2"),
        ("Capitolo 2", "Capitolo 2"),
        ("7", "7"),
        ("Prologue", "Prologue"),
        ("Epilogue: Later", "Epilogue: Later"),
        ("*** Chapter 5 ***", "Chapter 5"),
    ],
)
def test_heading_styles_start_a_chapter(heading: str, title: str) -> None:
    raw = parse(f"Title: T\n\nThe first part.\n\n{heading}\n\nThe second part.\n")
    assert [chapter.title for chapter in raw.chapters] == [None, title]
    assert raw.chapters[1].text == "The second part."


@pytest.mark.parametrize(
    "line",
    [
        "Part of me wanted to stay, and part of me had already left.",
        "Chapter and verse, he could quote it all.",
        "Three.",
    ],
)
def test_prose_never_splits_a_chapter(line: str) -> None:
    raw = parse(f"Title: T\n\nThe first part.\n\n{line}\n\nThe second part.\n")
    assert len(raw.chapters) == 1


def test_heading_inside_a_paragraph_is_prose() -> None:
    raw = parse("Title: T\n\nShe turned the page.\nChapter 2\nwas missing entirely.\n")
    assert len(raw.chapters) == 1


def test_authors_notes_around_a_chapter_move_to_its_notes() -> None:
    raw = parse(
        "Title: T\n\nChapter 1\n\nA/N: Sorry for the wait!\n\nThe story resumed.\n\n"
        "Disclaimer: Still not mine.\n"
    )
    chapter = raw.chapters[0]
    assert chapter.text == "The story resumed."
    assert chapter.notes == "A/N: Sorry for the wait!\n\nDisclaimer: Still not mine."


def test_scene_breaks_stay_inside_the_chapter() -> None:
    raw = parse("Title: T\n\nMorning.\n\n* * *\n\nEvening.\n")
    assert raw.chapters[0].text == "Morning.\n\n* * *\n\nEvening."

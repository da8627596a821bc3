"""Export, import the file again with ficshelf's own readers: the metadata and text come back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from export_helpers import DEMO_FILES, demo_work, make_work, pipeline_work

from ficshelf.export import FORMATS, export_work
from ficshelf.model import Work
from ficshelf.parse.words import count_words


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _ship(name: str) -> tuple[str, tuple[str, ...]]:
    """A relationship as kind and members: the header wrangler orders names alphabetically
    where AO3 keeps its own order ("Sherlock Holmes/John Watson"), and both are the same ship."""
    kind = "/" if "/" in name else "&"
    return kind, tuple(sorted(part.strip() for part in re.split(r"[/&]", name)))


def _names(work: Work) -> dict[str, object]:
    """What a user sees of a work's metadata, independent of tag order."""
    return {
        "title": work.title,
        "authors": work.authors,
        "rating": work.rating,
        "warnings": set(work.warnings),
        "categories": set(work.categories),
        "fandoms": {tag.name for tag in work.fandoms},
        "relationships": {_ship(tag.name) for tag in work.relationships},
        "characters": {tag.name for tag in work.characters},
        "freeforms": {tag.name for tag in work.freeforms},
        "series": work.series,
        "language": work.language,
        "summary": _words(work.summary),
        "published": work.published,
        "chapters": len(work.chapters),
    }


def _reimport(work: Work, fmt: str, folder: Path) -> Work:
    path = export_work(work, fmt, folder)
    return pipeline_work(path.name, path.read_bytes())


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", DEMO_FILES)
def test_every_demo_work_round_trips_through_every_format(
    name: str, fmt: str, tmp_path: Path
) -> None:
    original = demo_work(name)
    again = _reimport(original, fmt, tmp_path)
    assert _names(again) == _names(original)
    for before, after in zip(original.chapters, again.chapters, strict=True):
        assert _words(before.text) in _words(after.text)
        if before.title:
            assert _words(after.title).endswith(_words(before.title))


@pytest.mark.parametrize("fmt", ["epub", "html"])
def test_ao3_layout_formats_keep_notes_dates_status_and_word_count(
    fmt: str, tmp_path: Path
) -> None:
    original = make_work()
    again = _reimport(original, fmt, tmp_path)
    assert again.raw.format in {"ficshelf-epub", "ficshelf-html"}
    assert again.raw.origin == "ficshelf"
    assert again.notes == original.notes
    assert again.raw.end_notes == original.raw.end_notes
    assert (again.status, again.updated) == (original.status, original.updated)
    assert again.words == original.words == sum(count_words(c.text) for c in original.chapters)
    first = again.chapters[0]
    assert (first.title, first.summary, first.notes, first.end_notes) == (
        "The Lake",
        "Morning at the lake.",
        "Written for a prompt.",
        "Thanks for reading.",
    )
    assert again.chapters[1].text == original.chapters[1].text


def test_plain_text_keeps_chapter_notes_as_notes(tmp_path: Path) -> None:
    again = _reimport(make_work(), "txt", tmp_path)
    assert "Written for a prompt." in (again.chapters[0].notes or "")
    assert "Written for a prompt." not in again.chapters[0].text
    assert again.chapters[0].text == "The water was still.\n\nShe waited."

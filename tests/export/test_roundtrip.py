"""Export, import the file again with ficshelf's own readers: the metadata and text come back.

The library round trip is the user's: a file of each format ficshelf reads is imported into a
library, exported from it as EPUB by the ``export`` command, and that EPUB imported into a
second library; every field of the record contract and every chapter must be the same.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from epubcheck_runner import EpubCheck
from export_helpers import DEMO_FILES, demo_work, make_work, pipeline_work
from roundtrip_sources import SOURCES, Source

from ficshelf.cli.main import main
from ficshelf.export import FORMATS, export_work
from ficshelf.export.chapters import chapter_fragment
from ficshelf.library import Library
from ficshelf.library.importer import import_paths
from ficshelf.model import RawChapter, Work
from ficshelf.parse.words import count_words
from ficshelf.record import RECORD_KEYS, work_record

# The record contract's metadata (README, "ficshelf inspect --json"); path, format and encoding
# describe the file, not the work, and body_start follows from the chapters compared below.
CONTRACT_FIELDS = tuple(
    key for key in RECORD_KEYS if key not in {"path", "format", "encoding", "body_start", "raw"}
)


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
        assert _words(after.text) == _words(before.text)
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


def _import_one(library_dir: Path, path: Path) -> tuple[int, Work]:
    """Import one file into the library at ``library_dir``: its id and the work as stored."""
    with Library.open(library_dir) as library:
        report = import_paths(library, [path], strict=True)
        assert report.counts["imported"] == 1, report.as_json()
        (work_id,) = [result.work_id for result in report.results if result.work_id]
        stored = library.get(work_id)
    assert stored is not None
    return work_id, stored.work


def _export_from_library(library_dir: Path, work_id: int, out: Path) -> Path:
    """``ficshelf export ID --format epub``, as a user runs it against the library."""
    args = ["--library", str(library_dir), "export", str(work_id), "--out", str(out), "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (written,) = json.loads(result.stdout)["written"]
    return Path(written)


def _contract(work: Work) -> dict[str, object]:
    record = work_record(work)
    return {field: record[field] for field in CONTRACT_FIELDS}


def _chapters(work: Work) -> list[tuple[str | None, ...]]:
    """Each chapter's title, text (whitespace normalised), summary and notes, in order."""
    return [
        (chapter.title, _words(chapter.text), chapter.summary, chapter.notes, chapter.end_notes)
        for chapter in work.chapters
    ]


@pytest.mark.parametrize("source", SOURCES, ids=[source.id for source in SOURCES])
def test_every_format_comes_back_the_same_from_a_library_export(
    source: Source, tmp_path: Path, epubcheck: EpubCheck
) -> None:
    path = tmp_path / "files" / source.name
    path.parent.mkdir()
    path.write_bytes(source.data())
    work_id, original = _import_one(tmp_path / "first", path)
    assert original.raw.format == source.format

    book = _export_from_library(tmp_path / "first", work_id, tmp_path / "books")
    epubcheck(book)
    _, again = _import_one(tmp_path / "second", book)

    assert again.raw.format == "ficshelf-epub"
    assert _contract(again) == _contract(original)
    assert _chapters(again) == _chapters(original)
    assert again.raw.end_notes == original.raw.end_notes


def test_story_markup_is_exported_only_when_it_holds_the_chapters_text() -> None:
    """A generic HTML page with a plain-text header keeps the header in its markup while the
    parser reads it out of the text; the book must hold the text, yet keep markup that agrees."""
    story = RawChapter(
        title=None,
        text="The boat sank.\n\nThe second one \x01floated.",
        html="<p>The boat <em>sank</em>.</p><p>The second one floated.</p>",
    )
    with_header = dataclasses.replace(story, html="<p>Title: Boats<br>Rating: PG</p>" + story.html)

    kept = chapter_fragment(story).xhtml()
    rebuilt = chapter_fragment(with_header).xhtml()

    assert kept == "<p>The boat <em>sank</em>.</p><p>The second one floated.</p>"
    assert rebuilt == "<p>The boat sank.</p><p>The second one floated.</p>"

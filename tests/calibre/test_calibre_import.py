"""``ficshelf import --calibre``: a calibre library's books, with calibre's metadata filling
what each book's file lacks."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from calibre_builders import Book, build_library
from click.testing import CliRunner

from ficshelf.cli.main import main
from ficshelf.errors import UnreadableFile
from ficshelf.library import Library
from ficshelf.library.calibre_import import import_calibre_library
from ficshelf.library.calibre_metadata import overlay
from ficshelf.library.importer import ImportReport, Outcome
from ficshelf.model import Category, Rating, RawWork, SeriesRef, Status, Warning, Work


def _works(library: Library, report: ImportReport) -> dict[str, Work]:
    """Imported works by title."""
    works = {}
    for result in report.results:
        if result.work_id is not None:
            stored = library.get(result.work_id)
            assert stored is not None
            works[stored.work.title] = stored.work
    return works


def _names(tags: tuple[object, ...]) -> list[str]:
    return [getattr(tag, "name", str(tag)) for tag in tags]


def test_fanficfare_fic_keeps_its_tags_and_gains_calibres_series_and_own_tags(
    library: Library, calibre_dir: Path
) -> None:
    work = _works(library, import_calibre_library(library, calibre_dir, strict=True))[
        "Lanterns Over the Bay"
    ]

    assert work.raw.format == "fanficfare-epub"
    assert work.authors == ("quillfeather",)
    assert _names(work.fandoms) == ["Harry Potter - J. K. Rowling"]
    assert work.rating is Rating.TEEN
    assert _names(work.characters) == ["Hermione Granger", "Luna Lovegood"]
    assert _names(work.relationships) == ["Hermione Granger/Luna Lovegood"]  # from #ships
    # calibre's copies of the file's tags are not doubled; FanFicFare's marker and date
    # tags are not tags; the user's own calibre tag is kept.
    assert _names(work.freeforms) == ["Friendship", "Hurt/Comfort", "Reread Pile"]
    assert work.series == (SeriesRef("Bay Stories", 2),)
    assert work.updated == dt.date(2016, 2, 3)
    assert work.published == dt.date(2016, 1, 5)  # the file's own date wins
    assert work.status is Status.COMPLETE
    assert work.raw.extra["Source URL"] == "https://www.fanfiction.net/s/111"


def test_text_fic_takes_every_field_from_calibre(library: Library, calibre_dir: Path) -> None:
    work = _works(library, import_calibre_library(library, calibre_dir, strict=True))["Tidewater"]

    assert work.raw.format == "text"
    assert work.authors == ("saltmarsh",)
    assert _names(work.fandoms) == ["Naruto"]
    assert work.rating is Rating.EXPLICIT
    assert work.warnings == (Warning.MCD,)
    assert work.categories == (Category.MM,)
    assert _names(work.characters) == ["Umino Iruka", "Hatake Kakashi"]
    assert _names(work.freeforms) == ["Angst"]
    assert work.series == (SeriesRef("Tides", 1),)
    assert work.summary == "The sea keeps secrets."
    assert (work.language, work.published) == ("en", dt.date(2019, 6, 1))
    assert work.status is Status.COMPLETE  # the "Completed" yes/no column
    assert work.raw.extra["Source URL"] == "https://www.fanfiction.net/s/222"
    assert work.raw.extra["calibre rating"] == "4/5"  # stars are an opinion, not a rating
    assert work.body_start.startswith("The tide came in slowly")


def test_a_book_that_is_not_a_fic_imports_with_what_calibre_knows(
    library: Library, calibre_dir: Path
) -> None:
    work = _works(library, import_calibre_library(library, calibre_dir, strict=True))[
        "The Glass Orchard"
    ]

    assert work.authors == ("Mira Holt",)
    assert work.published == dt.date(2001, 4, 2)
    assert work.raw.extra["Identifiers"] == "isbn:9780000000001"
    assert (work.rating, work.tags, work.series) == (Rating.NOT_RATED, (), ())


def test_books_without_a_readable_file_get_one_line_each(
    library: Library, calibre_dir: Path
) -> None:
    report = import_calibre_library(library, calibre_dir, strict=True)

    skipped = [r.reason for r in report.results if r.outcome is Outcome.SKIPPED]
    assert skipped == [
        "calibre book 4 'Lost Letters': no EPUB/HTML/TXT file (no files)",
        "calibre book 5 'Scanned Zine': no EPUB/HTML/TXT file (only PDF)",
    ]
    assert report.counts["imported"] == 4 and report.ok


def test_the_epub_is_preferred_when_a_book_has_several_formats(
    library: Library, calibre_dir: Path
) -> None:
    report = import_calibre_library(library, calibre_dir, strict=True)

    work = _works(library, report)["Two Roads"]
    assert work.raw.format == "epub"
    assert work.body_start.startswith("The road forked")
    assert any(r.path.endswith("Two Roads - Wren.epub") for r in report.results)


def test_importing_again_changes_nothing_and_never_writes_to_calibre(
    library: Library, calibre_dir: Path
) -> None:
    database = calibre_dir / "metadata.db"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    import_calibre_library(library, calibre_dir, strict=True)

    again = import_calibre_library(library, calibre_dir, strict=True)

    assert again.counts == {
        "imported": 0,
        "updated": 0,
        "unchanged": 4,
        "skipped": 2,
        "failed": 0,
    }
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in calibre_dir.iterdir()) == [
        "Anon",
        "Mira Holt",
        "Wren",
        "metadata.db",
        "quillfeather",
        "saltmarsh",
    ]


def test_a_folder_that_is_not_a_calibre_library_is_one_clear_error(
    library: Library, tmp_path: Path
) -> None:
    with pytest.raises(UnreadableFile, match="not a calibre library"):
        import_calibre_library(library, tmp_path)
    (tmp_path / "metadata.db").write_bytes(b"not a database at all, just some bytes" * 40)
    with pytest.raises(UnreadableFile, match="not a readable calibre database"):
        import_calibre_library(library, tmp_path)


def test_the_import_command_reads_a_calibre_library(tmp_path: Path, calibre_dir: Path) -> None:
    runner = CliRunner()
    args = ["--library", str(tmp_path / "cli-library"), "import", "--calibre", str(calibre_dir)]

    shown = runner.invoke(main, args)
    as_json = runner.invoke(main, [*args, "--json"])

    assert shown.exit_code == 0, shown.output
    assert "calibre book 5 'Scanned Zine': no EPUB/HTML/TXT file (only PDF)" in shown.stderr
    summary = json.loads(as_json.stdout)
    assert (summary["unchanged"], summary["skipped"]) == (4, 2)
    assert (
        summary["left_out"][0] == "calibre book 4 'Lost Letters': no EPUB/HTML/TXT file (no files)"
    )


def test_the_import_command_wants_paths_or_calibre_not_both(
    tmp_path: Path, calibre_dir: Path
) -> None:
    result = CliRunner().invoke(
        main,
        ["--library", str(tmp_path / "x"), "import", str(tmp_path), "--calibre", str(calibre_dir)],
    )
    assert result.exit_code == 2
    assert "not both" in result.output


def test_overlay_lets_the_file_speak_first() -> None:
    from_file = RawWork(
        path="/books/Stray Cat - Someone.txt",
        format="text",
        encoding="utf-8",
        title="Stray Cat - Someone",  # only the file's name: a guess
        rating="PG",
        characters=("Kira, Mo",),
        summary="The file's summary.",
    )
    from_calibre = RawWork(
        path=from_file.path,
        format="calibre",
        encoding=None,
        title="Stray Cat",
        authors=("Someone",),
        rating="Explicit",
        freeforms=("Mo", "Cats", "cats"),
        summary="calibre's summary.",
        series=(SeriesRef("Strays", 3),),
        extra={"calibre id": "7"},
    )

    merged = overlay(from_file, from_calibre)

    assert (merged.title, merged.authors) == ("Stray Cat", ("Someone",))
    assert (merged.rating, merged.summary) == ("PG", "The file's summary.")
    assert merged.freeforms == ("Cats",)  # "Mo" is already a character; "cats" a repeat
    assert merged.series == (SeriesRef("Strays", 3),)
    assert (merged.format, merged.extra) == ("text", {"calibre id": "7"})


def test_calibres_metadata_reaches_the_import_worker_processes(
    library: Library, tmp_path: Path
) -> None:
    books = [
        Book(
            title=f"Harbour Note {number}",
            authors=["gull"],
            files={"TXT": f"Note {number}: the gulls circled the quay again.\n".encode()},
            tags=["Naruto"],
            series=("Harbour Notes", float(number)),
        )
        for number in range(1, 21)
    ]
    calibre_dir = build_library(tmp_path / "many", books)

    report = import_calibre_library(library, calibre_dir, workers=2)

    assert report.counts["imported"] == 20
    works = _works(library, report)
    assert works["Harbour Note 7"].series == (SeriesRef("Harbour Notes", 7),)
    assert all(_names(work.fandoms) == ["Naruto"] for work in works.values())

"""Importing folders of real files: idempotence, updates, duplicates, archives and failures."""

from __future__ import annotations

import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
from backends import indexed_documents
from ficshelf.errors import LibraryError, UnreadableFile
from ficshelf.library import Library
from ficshelf.library.importer import ImportProgress, ImportReport, Outcome, import_paths


def outcomes(report: ImportReport) -> dict[str, str]:
    """File name (or archive!/member) -> outcome, for readable assertions."""
    return {_short(result.path): result.outcome.value for result in report.results}


def _short(path: str) -> str:
    archive, _, member = path.partition("!/")
    return f"{Path(archive).name}!/{member}" if member else Path(path).name


def titles(library: Library) -> list[str]:
    return sorted(summary.title for summary in library.works())


def test_a_folder_of_stories_in_several_encodings_is_imported(
    library: Library, stories: dict[str, Path]
) -> None:
    report = import_paths(library, [stories["paper-boats.txt"].parent], strict=True)
    assert report.counts == {
        "imported": 4,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "failed": 0,
    }
    assert titles(library) == sorted(
        [
            "Paper Boats",
            "Kettle Weather",
            "Night Shift at the Lighthouse",
            "The Cartographer's Garden",
        ]
    )
    kettle = library.find("Kettle Weather").work
    assert kettle.raw.encoding == "cp1252"
    assert kettle.body_start.startswith("“Leave it,” said Ginny")


def test_importing_again_changes_nothing(library: Library, stories: dict[str, Path]) -> None:
    folder = stories["paper-boats.txt"].parent
    first = import_paths(library, [folder], strict=True)
    again = import_paths(library, [folder], strict=True)
    assert set(outcomes(again).values()) == {"unchanged"}
    assert [r.work_id for r in again.results] == [r.work_id for r in first.results]
    assert library.count() == 4


def test_an_edited_file_updates_its_work_and_keeps_the_id(
    library: Library, stories: dict[str, Path]
) -> None:
    path = stories["paper-boats.txt"]
    (first,) = import_paths(library, [path], strict=True).results
    path.write_text(path.read_text("utf-8").replace("Paper Boats", "Paper Cranes", 1), "utf-8")
    (second,) = import_paths(library, [path], strict=True).results
    assert (second.outcome, second.work_id) == (Outcome.UPDATED, first.work_id)
    assert titles(library) == ["Paper Cranes"]


def test_the_same_content_at_a_new_path_is_recorded_not_duplicated(
    library: Library, stories: dict[str, Path], tmp_path: Path
) -> None:
    original = stories["lighthouse.txt"]
    copy = tmp_path / "elsewhere" / "lighthouse-copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    (first,) = import_paths(library, [original], strict=True).results
    (second,) = import_paths(library, [copy], strict=True).results
    assert second.outcome is Outcome.UNCHANGED
    assert second.work_id == first.work_id
    stored = library.get(first.work_id or 0)
    assert stored is not None
    assert stored.sources == (str(original), str(copy))
    assert library.count() == 1


def test_a_zip_of_fics_imports_each_member(library: Library, stories: dict[str, Path]) -> None:
    archive = stories["paper-boats.txt"].parent.parent / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(stories["paper-boats.txt"], "fics/paper-boats.txt")
        bundle.write(stories["lighthouse.txt"], "fics/lighthouse.txt")
    report = import_paths(library, [archive], strict=True)
    assert outcomes(report) == {
        "bundle.zip!/fics/paper-boats.txt": "imported",
        "bundle.zip!/fics/lighthouse.txt": "imported",
    }
    assert library.source(f"{archive}!/fics/lighthouse.txt") is not None


def test_bad_files_fail_with_one_line_and_the_rest_is_imported(
    library: Library, stories: dict[str, Path]
) -> None:
    folder = stories["paper-boats.txt"].parent
    import_paths(library, [stories["lighthouse.txt"]], strict=True)
    (folder / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 50 + b"not really a zip")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 8)
    report = import_paths(library, [folder], strict=True)
    assert outcomes(report) == {
        "broken.zip": "failed",
        "cartographers-garden.md": "imported",
        "empty.txt": "failed",
        "kettle-weather.txt": "imported",
        "lighthouse.txt": "unchanged",
        "noise.txt": "failed",
        "paper-boats.txt": "imported",
    }
    for failure in report.failures:
        assert failure.reason is not None
        assert failure.reason.startswith(failure.path + ": ")
        assert "\n" not in failure.reason
    assert library.count() == 4


def test_a_work_the_database_refuses_fails_alone_and_leaves_no_rows(
    library: Library, stories: dict[str, Path]
) -> None:
    # A real constraint, not a mock: the database refuses any chapter mentioning a kettle.
    library.database.connection.execute(
        "CREATE TRIGGER no_kettles BEFORE INSERT ON chapters WHEN NEW.text LIKE '%kettle%' "
        "BEGIN SELECT RAISE(ABORT, 'no kettles here'); END"
    )
    report = import_paths(library, [stories["paper-boats.txt"].parent])
    assert outcomes(report)["kettle-weather.txt"] == "failed"
    (failure,) = report.failures
    assert failure.reason == f"{failure.path}: could not store: IntegrityError: no kettles here"
    assert "Kettle Weather" not in titles(library)
    assert library.count() == 3
    connection = library.database.connection
    orphans = connection.execute(
        "SELECT COUNT(*) FROM work_authors WHERE work_id NOT IN (SELECT id FROM works)"
    ).fetchone()[0]
    assert orphans == 0
    with pytest.raises(sqlite3.IntegrityError):
        import_paths(library, [stories["kettle-weather.txt"]], strict=True)


def test_hidden_files_other_files_and_the_library_itself_are_passed_over(
    tmp_path: Path, stories: dict[str, Path]
) -> None:
    folder = stories["paper-boats.txt"].parent
    (folder / ".hidden.txt").write_text("Title: Hidden\n\nNot for import.\n", "utf-8")
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a story")
    with Library.open(folder / "my-library") as library:
        report = import_paths(library, [folder], strict=True)
        assert outcomes(report)["cover.jpg"] == "skipped"
        assert ".hidden.txt" not in outcomes(report)
        assert not any("my-library" in result.path for result in report.results)
        assert library.count() == 4


def test_a_missing_path_stops_the_import_before_it_starts(library: Library, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file or folder"):
        import_paths(library, [tmp_path / "nope"])
    assert library.count() == 0


def test_progress_reports_files_and_bytes(library: Library, stories: dict[str, Path]) -> None:
    seen: list[ImportProgress] = []
    import_paths(library, [stories["paper-boats.txt"].parent], on_progress=seen.append)
    assert seen[-1].files_done == seen[-1].files_total == 4
    assert seen[-1].bytes_done == seen[-1].bytes_total > 0
    assert {Path(progress.current).name for progress in seen[:-1]} == set(stories)


def test_a_full_disk_stops_the_import_with_one_line_and_keeps_the_library_whole(
    library: Library, stories: dict[str, Path]
) -> None:
    folder = stories["paper-boats.txt"].parent
    # A story far bigger than the room left in the library's half-full pages.
    (folder / "long-walk.txt").write_text("Title: The Long Walk\n\n" + "step by step " * 20_000)
    connection = library.database.connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # not one more page fits
    with pytest.raises(LibraryError, match="disk is full") as raised:
        import_paths(library, [folder])
    assert "\n" not in str(raised.value)
    assert library.count() == 0
    assert indexed_documents(connection) == 0

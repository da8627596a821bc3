"""An import read by a pool of worker processes stores the same library as one read in-process."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ficshelf.library import Library
from ficshelf.library.discover import StoryBytes
from ficshelf.library.importer import Outcome, import_paths
from ficshelf.model import RawWork


def _write_pile(folder: Path) -> None:
    """Twenty stories, two of them byte-identical, one of them binary junk."""
    folder.mkdir()
    for number in range(18):
        (folder / f"story-{number:02}.txt").write_text(
            f"Harbour Lights {number}\nWritten by: Wren Alder\n\nPairing: Harry/Draco\n"
            f"Rating: PG-13\n\nThe ferry left at {number} o'clock and nobody was on it.\n",
            encoding="utf-8",
        )
    (folder / "story-00-copy.txt").write_bytes((folder / "story-00.txt").read_bytes())
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)


def _library_contents(library: Library) -> list[tuple[str, tuple[str, ...], int]]:
    return sorted((w.title, w.authors, w.words) for w in library.works())


def test_worker_pool_gives_the_same_library_and_report(tmp_path: Path) -> None:
    _write_pile(tmp_path / "pile")
    reports = {}
    contents = {}
    for workers in (1, 2):
        with Library.open(tmp_path / f"library-{workers}") as library:
            report = import_paths(library, [tmp_path / "pile"], workers=workers)
            reports[workers] = sorted((Path(r.path).name, r.outcome) for r in report.results)
            contents[workers] = _library_contents(library)

    assert reports[1] == reports[2]
    assert contents[1] == contents[2]
    outcomes = dict(reports[2])
    assert outcomes["broken.txt"] is Outcome.FAILED
    # Same bytes under two names, read in the same run: one work, the second path a duplicate.
    assert {outcomes["story-00.txt"], outcomes["story-00-copy.txt"]} == {
        Outcome.IMPORTED,
        Outcome.UNCHANGED,
    }
    assert len(contents[2]) == 18


def test_reimport_through_the_pool_changes_nothing(tmp_path: Path) -> None:
    _write_pile(tmp_path / "pile")
    with Library.open(tmp_path / "library") as library:
        import_paths(library, [tmp_path / "pile"], workers=2)
        before = _library_contents(library)
        again = import_paths(library, [tmp_path / "pile"], workers=2)
        assert again.count(Outcome.IMPORTED) == 0
        assert again.count(Outcome.UPDATED) == 0
        assert _library_contents(library) == before


def note_reader(story: StoryBytes, raw: RawWork) -> RawWork:
    """Marks which process read the story (module level: it travels to the workers)."""
    return dataclasses.replace(raw, extra={**raw.extra, "Read by": str(os.getpid())})


def test_while_the_workers_start_this_process_reads_stories_too(tmp_path: Path) -> None:
    _write_pile(tmp_path / "pile")
    with Library.open(tmp_path / "library") as library:
        report = import_paths(library, [tmp_path / "pile"], workers=2, transform=note_reader)
        readers = [
            stored.work.raw.extra["Read by"]
            for summary in library.works()
            if (stored := library.get(summary.id, with_chapters=False)) is not None
        ]
    assert report.count(Outcome.IMPORTED) == 18
    assert len(readers) == 18
    # Workers take a moment to start: this process reads stories meanwhile; the workers get
    # the first ones, already queued for them.
    assert str(os.getpid()) in readers
    assert set(readers) - {str(os.getpid())}

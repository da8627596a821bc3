"""Writes grouped into batches (what an import does): each work still stands or falls alone.

Runs on both backends, like the store tests.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import make_work

sys.path.insert(0, str(Path(__file__).parents[1]))
from backends import BACKENDS, Location, indexed_documents, library_location
from ficshelf.errors import LibraryError
from ficshelf.library import Library, SourceFile
from ficshelf.model import RawChapter
from ficshelf.search.ast import Word
from ficshelf.search.fulltext import fulltext_for


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Location]:
    with library_location(request.param, tmp_path / "library") as found:
        yield found


def source(name: str) -> SourceFile:
    return SourceFile(f"/stories/{name}.txt", f"hash-{name}", 120, 1.0)


def text_hits(library: Library, word: str) -> list[int]:
    return list(fulltext_for(library.database.connection).matches(Word(word)))


def titles(library: Library) -> list[str]:
    return sorted(summary.title for summary in library.works())


def test_a_work_refused_inside_a_batch_rolls_back_alone(location: Location) -> None:
    with location.open() as library, library.database.batch(seconds=60) as batch:
        batch.begin()
        library.add_work(make_work(title="Before"), source("before"))
        with pytest.raises(library.database.refusals):
            library.add_work(make_work(title="Refused", words=-5), source("refused"))
        # A lone surrogate fails the chapter insert, after the work row and its tags went in.
        broken = make_work(title="Broken", chapters=(RawChapter("One", "bad \ud800 text"),))
        with pytest.raises(UnicodeEncodeError):
            library.add_work(broken, source("broken"))
        library.add_work(make_work(title="After"), source("after"))
    with location.open() as reopened:
        assert titles(reopened) == ["After", "Before"]
        assert reopened.source("/stories/refused.txt") is None
        assert reopened.source("/stories/broken.txt") is None
        connection = reopened.database.connection
        assert connection.execute("SELECT COUNT(*) FROM chapters").fetchone()[0] == 2
        assert indexed_documents(connection) == 2


def test_works_stored_in_a_batch_are_found_by_their_words(location: Location) -> None:
    with location.open() as library, library.database.batch(seconds=60) as batch:
        batch.begin()
        first = library.add_work(make_work(title="Lamps", text="lamplighters"), source("a"))
        second = library.add_work(make_work(title="Ferns", text="bracken"), source("b"))
        # Replaced before the batch commits: only the new text may be found.
        library.replace_work(first, make_work(title="Lamps", text="candlemakers"), source("a"))
    with location.open() as reopened:
        assert text_hits(reopened, "bracken") == [second]
        assert text_hits(reopened, "candlemakers") == [first]
        assert text_hits(reopened, "lamplighters") == []


def test_works_of_a_batch_stopped_by_ctrl_c_are_kept(location: Location) -> None:
    with location.open() as library:
        with pytest.raises(KeyboardInterrupt), library.database.batch(seconds=60) as batch:
            batch.begin()
            library.add_work(make_work(title="Done"), source("done"))
            raise KeyboardInterrupt
        with location.open() as other:
            assert titles(other) == ["Done"]


def test_other_readers_see_a_batch_when_it_is_committed(location: Location) -> None:
    with location.open() as library, location.open() as reader:
        with library.database.batch(seconds=0) as batch:
            batch.begin()
            library.add_work(make_work(title="First"), source("first"))
            assert titles(reader) == []
            batch.checkpoint()
            assert titles(reader) == ["First"]
            batch.begin()
            library.add_work(make_work(title="Second"), source("second"))
            assert titles(reader) == ["First"]
        assert titles(reader) == ["First", "Second"]


def test_a_long_batch_is_not_committed_before_its_time(location: Location) -> None:
    with location.open() as library, location.open() as reader:
        with library.database.batch(seconds=60) as batch:
            batch.begin()
            library.add_work(make_work(title="Waiting"), source("waiting"))
            batch.checkpoint()
            assert titles(reader) == []
        assert titles(reader) == ["Waiting"]


def test_between_its_transactions_a_batch_leaves_the_library_to_other_writers(
    location: Location,
) -> None:
    with location.open() as library, location.open() as other:
        with library.database.batch(seconds=0) as batch:
            batch.begin()
            library.add_work(make_work(title="Batched"), source("batched"))
            batch.checkpoint()
            # The batch waits for its next work: another writer need not wait for it.
            other.add_work(make_work(title="Elsewhere"), source("elsewhere"))
            batch.begin()
            library.add_work(make_work(title="Later"), source("later"))
        assert titles(other) == ["Batched", "Elsewhere", "Later"]


def test_a_full_disk_stops_a_batch_with_its_own_error_and_leaves_only_whole_works(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "library") as library:
        connection = library.database.connection
        with library.database.batch(seconds=0) as batch:
            batch.begin()
            library.add_work(make_work(title="Kept"), source("kept"))
            batch.checkpoint()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 40}")  # a disk about to fill up
        # Whether a work's own insert or the batch's commit meets the full disk, the error
        # says so in one line.
        with (
            pytest.raises((sqlite3.OperationalError, LibraryError), match="full"),
            library.database.batch(seconds=60) as batch,
        ):
            for number in range(100):
                batch.begin()
                work = make_work(title=f"Long {number}", text=f"lantern{number} " * 3000)
                library.add_work(work, source(str(number)))
        # SQLite undid the unfinished batch itself; nothing of it was half-written.
        assert titles(library) == ["Kept"]
        for table in ("chapters", "sources"):
            assert connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 1
        assert indexed_documents(connection) == 1

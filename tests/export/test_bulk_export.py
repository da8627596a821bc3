"""Bulk export of 1,000 works: every work written, one work in memory at a time, a progress bar
on a terminal and a summary line elsewhere."""

from __future__ import annotations

import dataclasses
import os
import pty
import re
import subprocess
import sys
import weakref
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from export_helpers import make_work

from ficshelf.cli.main import main
from ficshelf.library import Library
from ficshelf.library.store import SourceFile, StoredWork
from ficshelf.model import Work
from ficshelf.parse import parse
from ficshelf.read import read_path

WORKS = 1000
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _fill(library_dir: Path, count: int) -> set[str]:
    """``count`` small works stored straight into a new library (no parsing: half a second for
    a thousand); returns the EPUB file names the export should write."""
    with Library.open(library_dir) as library:
        for number in range(count):
            work = make_work(title=f"Quiet Lake {number}")
            library.add_work(work, SourceFile(f"/stories/{number}.txt", f"hash-{number}", 100))
    return {f"quiet-lake-{number}-by-wren-ashgrove.epub" for number in range(count)}


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    library_dir = tmp_path_factory.mktemp("bulk") / "library"
    return library_dir, _fill(library_dir, WORKS)


class _Traceable(Work):
    """A work that can be weakly referenced, so a test can see when the export lets it go."""

    __slots__ = ("__weakref__",)


class LoadSpy:
    """Stands in for ``Library.get``: hands out each work as a traceable copy and notes, at
    every load, how many works handed out earlier are still alive."""

    def __init__(self, real: Callable[[Library, int], StoredWork | None]) -> None:
        self.real = real
        self.handed_out: list[weakref.ref[Work]] = []
        self.alive_at_load: list[int] = []

    def __call__(self, library: Library, work_id: int) -> StoredWork | None:
        self.alive_at_load.append(sum(1 for ref in self.handed_out if ref() is not None))
        stored = self.real(library, work_id)
        if stored is None:
            return None
        fields = {
            field.name: getattr(stored.work, field.name) for field in dataclasses.fields(Work)
        }
        traceable = _Traceable(**fields)
        self.handed_out.append(weakref.ref(traceable))
        return dataclasses.replace(stored, work=traceable)


@pytest.fixture
def load_spy(monkeypatch: pytest.MonkeyPatch) -> LoadSpy:
    spy = LoadSpy(Library.get)

    def get(library: Library, work_id: int) -> StoredWork | None:  # a method, bound per library
        return spy(library, work_id)

    monkeypatch.setattr(Library, "get", get)
    return spy


def _export(library_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--library", str(library_dir), "export", *args])


def _assert_streamed(spy: LoadSpy) -> None:
    """Each work was loaded once, and when the next was loaded at most the one before it (still
    bound to the export loop's variable) was alive: nothing collects works."""
    assert len(spy.alive_at_load) == WORKS
    assert max(spy.alive_at_load) <= 1, f"works alive at once: {max(spy.alive_at_load)}"


def test_a_zip_of_a_thousand_works_holds_each_and_is_written_one_work_at_a_time(
    thousand: tuple[Path, set[str]], tmp_path: Path, load_spy: LoadSpy
) -> None:
    library_dir, expected = thousand
    result = _export(library_dir, "--zip", "--out", str(tmp_path))

    assert result.exit_code == 0, result.output
    _assert_streamed(load_spy)
    with zipfile.ZipFile(tmp_path / "ficshelf-export.zip") as archive:
        names = archive.namelist()
        assert len(names) == WORKS and set(names) == expected
        archive.extract("quiet-lake-999-by-wren-ashgrove.epub", tmp_path)
    assert parse(read_path(tmp_path / "quiet-lake-999-by-wren-ashgrove.epub")).title == (
        "Quiet Lake 999"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "ficshelf-export.zip",
        "quiet-lake-999-by-wren-ashgrove.epub",
    ]


def test_a_folder_of_a_thousand_works_holds_each_and_is_written_one_work_at_a_time(
    thousand: tuple[Path, set[str]], tmp_path: Path, load_spy: LoadSpy
) -> None:
    library_dir, expected = thousand
    out = tmp_path / "books"
    result = _export(library_dir, "--out", str(out))

    assert result.exit_code == 0, result.output
    _assert_streamed(load_spy)
    written = {path.name for path in out.iterdir()}  # no staging folder left behind either
    assert written == expected
    assert parse(read_path(out / "quiet-lake-0-by-wren-ashgrove.epub")).title == "Quiet Lake 0"


def test_the_spy_catches_an_export_that_holds_every_work(
    thousand: tuple[Path, set[str]], load_spy: LoadSpy
) -> None:
    """The streaming check can fail: loading every work first, as a careless bulk export
    would, is seen."""
    library_dir, _ = thousand
    with Library.open(library_dir) as library:
        held = [library.get(number) for number in range(1, WORKS + 1)]
    assert len(held) == WORKS
    assert max(load_spy.alive_at_load) == WORKS - 1


def test_without_a_terminal_the_export_prints_only_a_summary_line(
    thousand: tuple[Path, set[str]], tmp_path: Path
) -> None:
    library_dir, _ = thousand
    result = _export(library_dir, "--zip", "--out", str(tmp_path))

    assert result.exit_code == 0, result.output
    assert result.stdout == f"Exported {WORKS} works to {tmp_path / 'ficshelf-export.zip'}\n"
    assert result.stderr == ""


def _run_on_a_terminal(args: list[str]) -> tuple[str, str]:
    """Run the ficshelf CLI with stderr on a pseudo-terminal; return what the terminal showed
    (colours and cursor moves removed) and stdout."""
    master, slave = pty.openpty()
    command = [sys.executable, "-c", "from ficshelf.cli.main import main; main()", *args]
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    with subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env
    ) as process:
        os.close(slave)
        shown = bytearray()
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command has exited and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        assert process.stdout is not None
        stdout = process.stdout.read().decode("utf-8")
        assert process.wait() == 0, shown.decode("utf-8", "replace")
    os.close(master)
    return _ANSI.sub("", shown.decode("utf-8", "replace")), stdout


def test_on_a_terminal_the_export_shows_a_progress_bar_counting_works(tmp_path: Path) -> None:
    library_dir = tmp_path / "library"
    _fill(library_dir, 40)
    out = tmp_path / "books"

    shown, stdout = _run_on_a_terminal(
        ["--library", str(library_dir), "export", "--zip", "--out", str(out)]
    )

    assert "Exporting" in shown and "━" in shown  # the bar itself
    assert "40/40 works" in shown  # the count, finished
    assert stdout == f"Exported 40 works to {out / 'ficshelf-export.zip'}\n"

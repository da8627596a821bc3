"""The real calibre on both sides: ``calibredb add -r`` reads what ``ficshelf export --calibre``
writes, and ficshelf reads a library calibre itself made (its real schema, custom columns)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ficshelf.cli.main import main
from ficshelf.library import Library
from ficshelf.library.calibre_import import import_calibre_library

SKIP_VARIABLE = "FICSHELF_SKIP_CALIBRE"
Calibredb = Callable[..., str]


@pytest.fixture
def calibredb(tmp_path: Path) -> Calibredb:
    """Run the real ``calibredb`` with its settings kept in the test's temp folder.

    A missing calibre fails with instructions; only FICSHELF_SKIP_CALIBRE=1 skips.
    """
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1: tests against the real calibre skipped on request")
    program = shutil.which("calibredb")
    if program is None:
        pytest.fail(
            "these tests run the real calibredb: install Debian's calibre (scripts/test does it "
            f"when run as root) or set {SKIP_VARIABLE}=1 to skip them",
            pytrace=False,
        )
    environment = {**os.environ, "CALIBRE_CONFIG_DIRECTORY": str(tmp_path / "calibre-config")}

    def run(library: Path, *args: str) -> str:
        command = [program, "--with-library", str(library), *args]
        done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def _ficshelf(library_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--library", str(library_dir), *args])


def test_calibredb_adds_the_exported_folder_with_its_metadata(
    tmp_path: Path, calibre_dir: Path, calibredb: Calibredb
) -> None:
    ficshelf_dir = tmp_path / "ficshelf"
    with Library.open(ficshelf_dir) as library:
        import_calibre_library(library, calibre_dir, strict=True)
    out = tmp_path / "to-calibre"
    assert _ficshelf(ficshelf_dir, "export", "--calibre", str(out)).exit_code == 0

    target = tmp_path / "New Calibre Library"
    target.mkdir()
    calibredb(target, "add", "-r", str(out))
    fields = "title,authors,tags,series,series_index,comments,languages,identifiers,pubdate,formats"
    books = json.loads(calibredb(target, "list", "--for-machine", "--fields", fields))

    by_title = {book["title"]: book for book in books}
    assert sorted(by_title) == [
        "Lanterns Over the Bay",
        "The Glass Orchard",
        "Tidewater",
        "Two Roads",
    ]
    tidewater = by_title["Tidewater"]
    assert tidewater["authors"] == "saltmarsh"
    assert tidewater["tags"] == [
        "Explicit",
        "Major Character Death",
        "M/M",
        "Naruto",
        "Umino Iruka",
        "Hatake Kakashi",
        "Angst",
        "Completed",
    ]
    assert (tidewater["series"], tidewater["series_index"]) == ("Tides", 1.0)
    assert tidewater["comments"] == "<p>The sea keeps secrets.</p>"
    assert tidewater["languages"] == ["eng"]
    assert tidewater["identifiers"] == {"url": "https://www.fanfiction.net/s/222"}
    assert tidewater["pubdate"].startswith("2019-06-01")
    assert [Path(f).suffix for f in tidewater["formats"]] == [".epub"]  # the OPF is not a format
    lanterns = by_title["Lanterns Over the Bay"]
    assert (lanterns["series"], lanterns["series_index"]) == ("Bay Stories", 2.0)
    assert "Reread Pile" in lanterns["tags"]


def test_ficshelf_reads_a_library_calibre_made(tmp_path: Path, calibredb: Calibredb) -> None:
    story = tmp_path / "Harbour Lights.txt"
    story.write_text(
        "The harbour lights came on one by one while the ferry waited at the pier.\n",
        encoding="utf-8",
    )
    made = tmp_path / "Calibre Library"
    made.mkdir()
    calibredb(made, "add", str(story))
    calibredb(
        made,
        "set_metadata",
        "1",
        "-f", "title:Harbour Lights",
        "-f", "authors:Jo Fenwick",
        "-f", "tags:FanFiction,Naruto,Teen,Angst,Last Update: 2020/05/17",
        "-f", "series:Lights",
        "-f", "series_index:3",
        "-f", "comments:<p>A ferry, <b>late</b>.</p>",
        "-f", "identifiers:url:https://example.org/s/9",
        "-f", "languages:eng",
        # a full timestamp: calibredb 6.13 turns a bare "2020-04-01" into 2020-04-02 00:00 UTC
        "-f", "pubdate:2020-04-01T12:00:00+00:00",
    )  # fmt: skip
    calibredb(made, "add_custom_column", "ships", "Ships", "text", "--is-multiple")
    calibredb(made, "set_custom", "ships", "1", "Hatake Kakashi/Umino Iruka")

    with Library.open(tmp_path / "ficshelf") as library:
        report = import_calibre_library(library, made, strict=True)
        (result,) = report.results
        assert result.work_id is not None
        stored = library.get(result.work_id)
    assert stored is not None
    work = stored.work

    assert (work.title, work.authors) == ("Harbour Lights", ("Jo Fenwick",))
    assert [t.name for t in work.fandoms] == ["Naruto"]
    assert work.rating.value == "Teen And Up Audiences"
    assert [t.name for t in work.relationships] == ["Hatake Kakashi/Umino Iruka"]
    assert [t.name for t in work.freeforms] == ["Angst"]
    assert [(s.name, s.position) for s in work.series] == [("Lights", 3)]
    assert work.summary == "A ferry, late."
    assert (work.language, str(work.published), str(work.updated)) == (
        "en",
        "2020-04-01",
        "2020-05-17",
    )
    assert work.raw.extra["Source URL"] == "https://example.org/s/9"

"""``ficshelf export --calibre OUT_DIR``: a folder per work that calibre adds with its metadata,
and the export command's other outputs (files, a zip)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner, Result
from epubcheck_runner import EpubCheck

from ficshelf.cli.main import main
from ficshelf.library import Library
from ficshelf.library.calibre_import import import_calibre_library
from ficshelf.library.importer import import_paths
from ficshelf.parse import parse
from ficshelf.parse.epub_container import parse_xml
from ficshelf.parse.html_text import html_to_text
from ficshelf.parse.language import language_code
from ficshelf.parse.opf_metadata import OpfMetadata, read_opf_metadata
from ficshelf.read import read_path


def _ficshelf(library_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--library", str(library_dir), *args])


def _imported(tmp_path: Path, calibre_dir: Path) -> Path:
    """A ficshelf library holding the calibre fixture library's four readable books."""
    library_dir = tmp_path / "ficshelf"
    with Library.open(library_dir) as library:
        assert import_calibre_library(library, calibre_dir, strict=True).counts["imported"] == 4
    return library_dir


def _sidecar(folder: Path) -> OpfMetadata:
    (opf,) = folder.glob("*.opf")
    root = parse_xml(opf.read_bytes())
    assert root is not None
    return read_opf_metadata(root)


def test_export_calibre_writes_a_folder_per_work_with_the_epub_and_its_opf(
    tmp_path: Path, calibre_dir: Path
) -> None:
    out = tmp_path / "to-calibre"
    result = _ficshelf(_imported(tmp_path, calibre_dir), "export", "--calibre", str(out))

    assert result.exit_code == 0, result.output
    assert "Exported 4 works" in result.stdout
    folders = sorted(out.iterdir())
    assert [f.name for f in folders] == [
        "lanterns-over-the-bay-by-quillfeather-1",
        "the-glass-orchard-by-mira-holt-3",
        "tidewater-by-saltmarsh-2",
        "two-roads-by-wren-4",
    ]
    for folder in folders:
        # calibre groups files by name: the OPF must share the EPUB's (see export/calibre.py)
        names = sorted(path.name for path in folder.iterdir())
        assert names == [f"{folder.name.rsplit('-', 1)[0]}.{ext}" for ext in ("epub", "opf")]


def test_every_epub_export_calibre_writes_passes_epubcheck(
    tmp_path: Path, calibre_dir: Path, epubcheck: EpubCheck
) -> None:
    out = tmp_path / "to-calibre"
    result = _ficshelf(_imported(tmp_path, calibre_dir), "export", "--calibre", str(out))

    assert result.exit_code == 0, result.output
    books = sorted(out.glob("*/*.epub"))
    assert len(books) == 4
    for book in books:  # a fic from FanFicFare, a text file, a novel, a book with two formats
        epubcheck(book)


def test_the_opf_carries_calibres_metadata_and_reads_back_the_same(
    tmp_path: Path, calibre_dir: Path
) -> None:
    library_dir = _imported(tmp_path, calibre_dir)
    out = tmp_path / "to-calibre"
    _ficshelf(library_dir, "export", "--calibre", str(out), "Tidewater")

    (folder,) = out.iterdir()
    opf = (next(folder.glob("*.opf"))).read_text("utf-8")
    assert 'opf:scheme="calibre"' in opf  # calibre ignores an OPF without its own identifier
    metadata = _sidecar(folder)

    assert (metadata.title, metadata.creators) == ("Tidewater", ("saltmarsh",))
    assert metadata.subjects == (
        "Explicit",
        "Major Character Death",
        "M/M",
        "Naruto",
        "Umino Iruka",
        "Hatake Kakashi",
        "Angst",
        "Completed",
    )
    assert metadata.description == "<p>The sea keeps secrets.</p>"
    assert [(s.name, s.position) for s in metadata.series] == [("Tides", 1)]
    assert (metadata.language, str(metadata.published)) == ("en", "2019-06-01")
    assert metadata.source is None  # the URL is an identifier, as calibre writes it
    assert "https://www.fanfiction.net/s/222" in opf


def test_round_trip_the_exported_files_give_back_the_same_metadata(
    tmp_path: Path, calibre_dir: Path
) -> None:
    library_dir = _imported(tmp_path, calibre_dir)
    out = tmp_path / "to-calibre"
    _ficshelf(library_dir, "export", "--calibre", str(out))

    with Library.open(library_dir) as library:
        originals = {s.work.title: s.work for s in map(library.get, range(1, 5)) if s}
    for folder in sorted(out.iterdir()):
        sidecar = _sidecar(folder)
        work = originals[sidecar.title or ""]
        assert sidecar.creators == work.authors
        assert list(sidecar.series) == list(work.series[:1])
        assert html_to_text(sidecar.description or "").strip() == (work.summary or "")
        assert language_code(sidecar.language) == work.language
        assert sidecar.published == work.published
        book = parse(read_path(next(folder.glob("*.epub"))))
        assert (book.title, book.authors, book.series) == (work.title, work.authors, work.series)

    # and the EPUBs, imported as files, are the same works again
    with Library.open(tmp_path / "again") as again:
        report = import_paths(again, [out], strict=True)
        assert report.counts["imported"] == 4
        assert report.counts["skipped"] == 4  # the sidecar OPFs are not stories
        for result in report.results:
            if result.work_id is None:
                continue
            stored = again.get(result.work_id)
            assert stored is not None
            work = stored.work
            original = originals[work.title]
            assert [t.name for t in work.tags] == [t.name for t in original.tags]
            assert (work.rating, work.warnings, work.categories, work.status) == (
                original.rating,
                original.warnings,
                original.categories,
                original.status,
            )


def test_export_writes_one_work_a_query_or_a_zip(tmp_path: Path, calibre_dir: Path) -> None:
    library_dir = _imported(tmp_path, calibre_dir)
    out = tmp_path / "out"

    one = _ficshelf(library_dir, "export", "2", "--format", "txt", "--out", str(out))
    query = _ficshelf(library_dir, "export", "fandom:Naruto", "--format", "md", "--out", str(out))
    zipped = _ficshelf(library_dir, "export", "--format", "html", "--zip", "--out", str(out))
    nothing = _ficshelf(library_dir, "export", "fandom:Bleach", "--out", str(out))

    assert (one.exit_code, query.exit_code, zipped.exit_code) == (0, 0, 0), zipped.output
    assert sorted(p.name for p in out.iterdir()) == [
        "ficshelf-export.zip",
        "tidewater-by-saltmarsh.md",
        "tidewater-by-saltmarsh.txt",
    ]
    with zipfile.ZipFile(out / "ficshelf-export.zip") as archive:
        assert len(archive.namelist()) == 4
    assert nothing.exit_code == 2
    assert "no work matches 'fandom:Bleach'" in nothing.output

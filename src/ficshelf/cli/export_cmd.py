"""``ficshelf export WORK|QUERY``: works as EPUB/HTML/text/Markdown files, a zip, or calibre.

WORK is a work id or exact title; anything else is a search query (``ficshelf search``'s
language; nothing means every work). Works are loaded, written and let go one at a time, so a
bulk export of thousands of works stays small in memory; a progress bar shows on a terminal.
``--calibre OUT_DIR`` writes one folder per work (EPUB plus calibre's OPF) for
``calibredb add -r OUT_DIR``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import json_line, stderr
from ficshelf.errors import LibraryError
from ficshelf.export import FORMATS, export_work
from ficshelf.export.calibre import export_calibre_book
from ficshelf.export.files import ExportError
from ficshelf.library import Library
from ficshelf.library.discover import ARCHIVE_SEPARATOR
from ficshelf.model import Work
from ficshelf.search.ast import MAX_PER_PAGE
from ficshelf.search.service import SearchService

ZIP_NAME = "ficshelf-export.zip"
_FILE_MODE = 0o644
# Writes one work; returns the paths written (for the summary).
_Writer = Callable[[int, Work], list[Path]]


@click.command("export", context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, type=click.UNPROCESSED)
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="epub", show_default=True
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    help="Folder to write into (default: the current folder).",
)
@click.option("--zip", "as_zip", is_flag=True, help=f"Write one {ZIP_NAME} in --out instead.")
@click.option(
    "--calibre",
    "calibre_dir",
    metavar="OUT_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write a folder per work (EPUB + calibre OPF) for `calibredb add -r OUT_DIR`.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the paths written as one JSON object.")
@click.pass_obj
def export_command(
    app: AppContext,
    query: tuple[str, ...],
    fmt: str,
    out_dir: Path,
    as_zip: bool,
    calibre_dir: Path | None,
    as_json: bool,
) -> None:
    """Export WORK (an id or exact title) or the works matching QUERY (all when none).

    Examples: ficshelf export 12 --format html; ficshelf export fandom:Naruto --zip;
    ficshelf export --calibre ~/to-calibre complete:yes.
    """
    if calibre_dir is not None and as_zip:
        raise click.UsageError("--calibre writes folders for calibre; it cannot be zipped")
    reference = " ".join(query).strip()
    with app.open_library(create=False) as library:
        ids = selected_work_ids(library, reference)
        if not ids:
            raise LibraryError(f"no work matches {reference!r}")
        with _writer(fmt, out_dir, as_zip, calibre_dir) as write:
            written = _export_each(library, ids, write, show_bar=not as_json)
    target = calibre_dir or (out_dir / ZIP_NAME if as_zip else out_dir)
    if as_json:
        json_line({"works": len(ids), "written": [str(path) for path in written]})
    else:
        click.echo(f"Exported {len(ids)} work{'s' if len(ids) != 1 else ''} to {target}")


def selected_work_ids(library: Library, reference: str) -> list[int]:
    """The one work a reference names (id or exact title), else the works a query matches, in
    the query's order. Ids only: the works themselves are loaded one at a time later."""
    if reference:
        try:
            return [library.find(reference).id]
        except LibraryError:
            if reference.isdigit():
                raise
    service = SearchService(library)
    ids: list[int] = []
    page = 1
    while True:
        result = service.search(reference, page=page, per_page=MAX_PER_PAGE)
        ids.extend(result.ids)
        if not result.ids or len(ids) >= result.total:
            return ids
        page += 1


def _export_each(library: Library, ids: list[int], write: _Writer, *, show_bar: bool) -> list[Path]:
    written: list[Path] = []
    with _progress(len(ids), enabled=show_bar and sys.stderr.isatty()) as advance:
        for work_id in ids:
            stored = library.get(work_id)
            if stored is not None:  # deleted since the search: nothing to write
                written.extend(write(work_id, stored.work))
            advance()
    return written


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A bar of works written on stderr ("Exporting ━━━━ 12/1000 works 0:00:40"); a no-op when
    not ``enabled`` (a pipe, or --json), where the summary line alone reports the export."""
    if not enabled:
        yield lambda: None
        return
    columns = (
        TextColumn("Exporting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("works"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=stderr(), transient=True) as bar:
        task = bar.add_task("export", total=total)
        yield lambda: bar.advance(task)


@contextmanager
def _writer(fmt: str, out_dir: Path, as_zip: bool, calibre_dir: Path | None) -> Iterator[_Writer]:
    if calibre_dir is not None:

        def to_calibre(work_id: int, work: Work) -> list[Path]:
            files = export_calibre_book(work, work_id, calibre_dir)
            return [files.epub, files.opf]

        yield to_calibre
        return
    names = _UniqueNames()
    if not as_zip:

        def to_folder(work_id: int, work: Work) -> list[Path]:
            with _staging(out_dir) as staging:
                made = export_work(work, fmt, staging)
                return [made.replace(out_dir / names.claim(made.name, work_id))]

        yield to_folder
        return
    with _zip_stream(out_dir / ZIP_NAME) as archive:

        def to_zip(work_id: int, work: Work) -> list[Path]:
            with _staging(out_dir) as staging:
                made = export_work(work, fmt, staging)
                name = names.claim(made.name, work_id)
                archive.write(made, arcname=name)
            return [Path(f"{out_dir / ZIP_NAME}{ARCHIVE_SEPARATOR}{name}")]

        yield to_zip


class _UniqueNames:
    """File names for one export: a second work with the same title and author gets its id
    added, rather than replacing the first."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str, work_id: int) -> str:
        if name in self._taken:
            stem, dot, extension = name.rpartition(".")
            name = f"{stem}-{work_id}{dot}{extension}"
        self._taken.add(name)
        return name


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    """A scratch folder beside the output, so finished files are renamed, never copied."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".ficshelf-export-", dir=out_dir) as folder:
        yield Path(folder)


@contextmanager
def _zip_stream(dest: Path) -> Iterator[zipfile.ZipFile]:
    """A zip written member by member, renamed to ``dest`` only once complete."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with (
            os.fdopen(handle, "wb") as stream,
            zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as zf,
        ):
            yield zf
        Path(temporary).chmod(_FILE_MODE)
        Path(temporary).replace(dest)
    except OSError as error:
        raise ExportError(dest, error.strerror or str(error)) from error
    finally:
        Path(temporary).unlink(missing_ok=True)

"""``ficshelf import PATH...`` (or ``--calibre LIBRARY_DIR``): add stories to the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import counts_table, json_line, stdout
from ficshelf.cli.progress import import_progress
from ficshelf.library.calibre_import import import_calibre_library
from ficshelf.library.discover import require_existing
from ficshelf.library.importer import ImportReport, Outcome, import_paths

FAILED_EXIT = 1


@click.command("import")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--calibre",
    "calibre_dir",
    metavar="LIBRARY_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    help="Import a calibre library (its metadata.db and book files) instead of PATHs.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option(
    "--strict", is_flag=True, help="Crash on unexpected parser errors (for debugging ficshelf)."
)
@click.pass_obj
def import_command(
    app: AppContext,
    paths: tuple[Path, ...],
    calibre_dir: Path | None,
    as_json: bool,
    strict: bool,
) -> None:
    """Import story files, folders (recursively) and zips of stories into the library.

    With --calibre, import a calibre library's books: calibre's metadata fills what each
    book's file lacks. Re-importing changes nothing; an edited file updates its work. Exit
    status 1 when any file failed.
    """
    if bool(paths) == (calibre_dir is not None):
        raise click.UsageError("give PATHs to import, or --calibre LIBRARY_DIR (not both)")
    require_existing([calibre_dir] if calibre_dir else paths)
    with (
        app.open_library() as library,
        import_progress(enabled=not as_json and sys.stderr.isatty()) as on_progress,
    ):
        if calibre_dir is not None:
            report = import_calibre_library(
                library, calibre_dir, on_progress=on_progress, strict=strict
            )
        else:
            report = import_paths(library, paths, on_progress=on_progress, strict=strict)
    left_out = _calibre_books_left_out(report) if calibre_dir else []
    if as_json:
        json_line({**report.as_json(), **({"left_out": left_out} if calibre_dir else {})})
    else:
        stdout().print(counts_table("Import", report.counts))
        for line in left_out:
            click.secho(line, fg="yellow", err=True)
        for failure in report.failures:
            click.secho(failure.reason, fg="red", err=True)
    if not report.ok:
        sys.exit(FAILED_EXIT)


def _calibre_books_left_out(report: ImportReport) -> list[str]:
    """The one line each calibre book without a readable file gets."""
    return [
        result.reason
        for result in report.results
        if result.outcome is Outcome.SKIPPED and result.reason
    ]

"""``ficshelf import PATH...``: add stories to the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import counts_table, json_line, stdout
from ficshelf.cli.progress import import_progress
from ficshelf.library.discover import require_existing
from ficshelf.library.importer import import_paths

FAILED_EXIT = 1


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@click.option(
    "--strict", is_flag=True, help="Crash on unexpected parser errors (for debugging ficshelf)."
)
@click.pass_obj
def import_command(app: AppContext, paths: tuple[Path, ...], as_json: bool, strict: bool) -> None:
    """Import story files, folders (recursively) and zips of stories into the library.

    Re-importing changes nothing; an edited file updates its work. Exit status 1 when any
    file failed.
    """
    require_existing(paths)
    with (
        app.open_library() as library,
        import_progress(enabled=not as_json and sys.stderr.isatty()) as on_progress,
    ):
        report = import_paths(library, paths, on_progress=on_progress, strict=strict)
    if as_json:
        json_line(report.as_json())
    else:
        stdout().print(counts_table("Import", report.counts))
        for failure in report.failures:
            click.secho(failure.reason, fg="red", err=True)
    if not report.ok:
        sys.exit(FAILED_EXIT)

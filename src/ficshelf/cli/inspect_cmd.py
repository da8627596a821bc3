"""``ficshelf inspect FILE...``: what ficshelf reads from files, without importing them.

With ``--json``: one JSON object per line, in argument order (a folder or a zip of fics expands
in place), with the keys of :data:`ficshelf.record.RECORD_KEYS`. A file that cannot be read
prints ``{"path": ..., "error": ...}`` on its line, so lines still match the files one to one,
plus the error on stderr; the exit status is then 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import json_line, stdout, work_card
from ficshelf.errors import FicshelfError, UnreadableFile
from ficshelf.library.discover import discover, stories_in
from ficshelf.library.importer import read_story
from ficshelf.model import Work
from ficshelf.record import work_record

FAILED_EXIT = 1


@click.command("inspect")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (stable keys).")
@click.option(
    "--strict", is_flag=True, help="Crash on unexpected parser errors (for debugging ficshelf)."
)
@click.pass_obj
def inspect_command(app: AppContext, files: tuple[Path, ...], as_json: bool, strict: bool) -> None:
    """Show the metadata ficshelf reads from FILES (nothing is imported)."""
    found = discover(files)
    rules = app.rules_if_any()
    failed = False
    for file in found.files:
        try:
            for story in stories_in(file):
                try:
                    _print_story(read_story(story, rules=rules, strict=strict), as_json)
                except FicshelfError as error:
                    failed = True
                    _print_failure(story.label, error, as_json)
        except FicshelfError as error:
            failed = True
            _print_failure(str(file.path), error, as_json)
    if failed:
        sys.exit(FAILED_EXIT)


def _print_story(work: Work, as_json: bool) -> None:
    record = work_record(work)
    if as_json:
        json_line(record)
    else:
        stdout().print(work_card(record))


def _print_failure(label: str, error: FicshelfError, as_json: bool) -> None:
    click.secho(str(error), fg="red", err=True)
    if as_json:
        problem = error.problem if isinstance(error, UnreadableFile) else str(error)
        json_line({"path": label, "error": problem})

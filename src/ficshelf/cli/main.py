"""The ``ficshelf`` command group: global options, and the one place user errors are shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ficshelf import __version__
from ficshelf.cli.context import AppContext
from ficshelf.cli.eval_cmd import eval_group
from ficshelf.cli.export_cmd import export_command
from ficshelf.cli.import_cmd import import_command
from ficshelf.cli.inspect_cmd import inspect_command
from ficshelf.cli.kb_cmd import kb_group
from ficshelf.cli.list_cmd import list_command
from ficshelf.cli.output import error_line
from ficshelf.cli.search_cmd import search_command
from ficshelf.cli.serve_cmd import serve_command
from ficshelf.cli.show_cmd import show_command
from ficshelf.cli.tags_cmd import tags_command
from ficshelf.cli.wrangle_cmd import wrangle_command
from ficshelf.errors import FicshelfError
from ficshelf.library.config import DATABASE_URL_ENV, LIBRARY_ENV

USER_ERROR_EXIT = 2


class FicshelfGroup(click.Group):
    """Catches every FicshelfError once: one red ``error: ...`` line, exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FicshelfError as error:
            error_line(str(error))
            ctx.exit(USER_ERROR_EXIT)


@click.group(cls=FicshelfGroup)
@click.option(
    "--library",
    "library_option",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=LIBRARY_ENV,
    help=f"Library folder (default: ${LIBRARY_ENV}, else your user data folder).",
)
@click.option(
    "--db",
    "database_url",
    metavar="URL",
    envvar=DATABASE_URL_ENV,
    help=f"Keep the library in PostgreSQL: postgresql://user@host/db (default: ${DATABASE_URL_ENV},"
    " else the SQLite file in the library folder).",
)
@click.version_option(__version__, prog_name="ficshelf")
@click.pass_context
def main(ctx: click.Context, library_option: Path | None, database_url: str | None) -> None:
    """ficshelf: a self-hosted fan-fiction archive."""
    ctx.obj = AppContext(library_option, database_url or None)


main.add_command(import_command)
main.add_command(export_command)
main.add_command(inspect_command)
main.add_command(list_command)
main.add_command(serve_command)
main.add_command(show_command)
main.add_command(search_command)
main.add_command(eval_group)
main.add_command(tags_command)
main.add_command(wrangle_command)
main.add_command(kb_group)

"""The ``ficshelf`` command group: global options, and the one place user errors are shown."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from ficshelf import __version__
from ficshelf.cli.context import AppContext
from ficshelf.cli.output import error_line
from ficshelf.errors import FicshelfError
from ficshelf.library.config import DATABASE_URL_ENV, LIBRARY_ENV

USER_ERROR_EXIT = 2


# Each command's module is imported only when that command runs (or --help lists them all):
# the web server's, the exporter's and the evaluators' imports would otherwise slow every
# command, and every worker process of an import, which imports this module again.
_COMMANDS = {
    "eval": "ficshelf.cli.eval_cmd:eval_group",
    "export": "ficshelf.cli.export_cmd:export_command",
    "import": "ficshelf.cli.import_cmd:import_command",
    "inspect": "ficshelf.cli.inspect_cmd:inspect_command",
    "kb": "ficshelf.cli.kb_cmd:kb_group",
    "list": "ficshelf.cli.list_cmd:list_command",
    "search": "ficshelf.cli.search_cmd:search_command",
    "serve": "ficshelf.cli.serve_cmd:serve_command",
    "show": "ficshelf.cli.show_cmd:show_command",
    "tags": "ficshelf.cli.tags_cmd:tags_command",
    "wrangle": "ficshelf.cli.wrangle_cmd:wrangle_command",
}


class FicshelfGroup(click.Group):
    """Catches every FicshelfError once: one red ``error: ...`` line, exit status 2.
    Commands are loaded on first use (see ``_COMMANDS``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _COMMANDS and cmd_name not in self.commands:
            module, attribute = _COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

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

"""``ficshelf serve``: the web archive and reader, on loopback unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import click

from ficshelf.cli.context import AppContext

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@click.command("serve")
@click.option(
    "--library",
    "library_option",
    type=click.Path(file_okay=False, path_type=Path),
    help="Library folder (default: the one given to ficshelf, else $FICSHELF_LIBRARY).",
)
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
def serve_command(app: AppContext, library_option: Path | None, host: str, port: int) -> None:
    """Serve the library on the web: browse, filter, read, import, wrangle."""
    import uvicorn

    from ficshelf.serve import create_app

    context = AppContext(library_option, app.database_url) if library_option else app
    web = create_app(context.library_dir, database_url=context.database_url)
    click.echo(f"ficshelf is serving {context.library_dir} at http://{host}:{port}/works")
    uvicorn.run(web, host=host, port=port, log_level="warning")

"""``ficshelf list``: the works in the library, oldest import first."""

from __future__ import annotations

import click
from rich import box
from rich.table import Table

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import joined, json_line, stdout
from ficshelf.library import WorkSummary


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per work per line.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show at most N works.")
@click.pass_obj
def list_command(app: AppContext, as_json: bool, limit: int | None) -> None:
    """List the works in the library: id, title, authors, fandoms, rating, words."""
    with app.open_library(create=False) as library:
        works = library.works(limit)
    if as_json:
        for work in works:
            json_line(_as_json(work))
        return
    stdout().print(_table(works))


def _as_json(work: WorkSummary) -> dict[str, object]:
    return {
        "id": work.id,
        "title": work.title,
        "authors": list(work.authors),
        "fandoms": list(work.fandoms),
        "rating": work.rating,
        "words": work.words,
    }


def _table(works: list[WorkSummary]) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("id", justify="right", style="dim")
    table.add_column("title", style="bold")
    table.add_column("authors")
    table.add_column("fandoms")
    table.add_column("rating")
    table.add_column("words", justify="right")
    for work in works:
        table.add_row(
            str(work.id),
            work.title,
            joined(work.authors),
            joined(work.fandoms),
            work.rating,
            f"{work.words:,}",
        )
    return table

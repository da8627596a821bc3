"""``ficshelf list``: the works in the library, oldest import first."""

from __future__ import annotations

import click
from rich.table import Table

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import WorkRow, json_line, stdout, works_table
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
    return works_table(
        WorkRow(work.id, work.title, work.authors, work.fandoms, work.rating, work.words)
        for work in works
    )

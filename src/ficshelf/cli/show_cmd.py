"""``ficshelf show WORK``: one work's full metadata and its chapters."""

from __future__ import annotations

import click
from rich import box
from rich.table import Table
from rich.text import Text

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import json_line, stdout, work_card
from ficshelf.library import StoredWork
from ficshelf.parse.words import chapter_words
from ficshelf.record import work_record


@click.command("show")
@click.argument("work")
@click.option("--json", "as_json", is_flag=True, help="Print the work as one JSON object.")
@click.pass_obj
def show_command(app: AppContext, work: str, as_json: bool) -> None:
    """Show WORK (an id, or an exact title): metadata, source files and chapter list."""
    with app.open_library(create=False) as library:
        stored = library.find(work)
    if as_json:
        json_line(show_json(stored))
        return
    console = stdout()
    console.print(work_card(work_record(stored.work), heading=f"#{stored.id}"))
    console.print(_chapters_table(stored))
    for path in stored.sources:
        console.print(Text.assemble(("source: ", "dim"), path))


def show_json(stored: StoredWork) -> dict[str, object]:
    """``id``, the inspect record's keys, then where it came from and its chapters."""
    return {
        "id": stored.id,
        **work_record(stored.work),
        "sources": list(stored.sources),
        "imported_at": stored.imported_at,
        "chapter_list": [
            {"position": position, "title": chapter.title, "words": chapter_words(chapter)}
            for position, chapter in enumerate(stored.work.chapters, start=1)
        ],
    }


def _chapters_table(stored: StoredWork) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="Chapters", title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("title")
    table.add_column("words", justify="right")
    for position, chapter in enumerate(stored.work.chapters, start=1):
        table.add_row(str(position), chapter.title or "", f"{chapter_words(chapter):,}")
    return table

"""``ficshelf kb``: grow the knowledge base this library wrangles with, from real tag data.

What is loaded is kept in the library (beside what it learned from AO3 downloads) and used by
every later import; ``ficshelf wrangle --all`` applies it to the works already imported.
"""

from __future__ import annotations

from pathlib import Path

import click

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import json_line
from ficshelf.library.kbstate import (
    KnowledgeCounts,
    learned_counts,
    load_ao3_dump,
    load_table,
)
from ficshelf.model import TagType

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group("kb")
def kb_group() -> None:
    """Grow the knowledge base from AO3's tag data and synonym tables."""


@kb_group.command("load-ao3-dump")
@click.argument("path", type=_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def load_ao3_dump_command(app: AppContext, path: Path, as_json: bool) -> None:
    """Load AO3's tags CSV (id,type,name,canonical,cached_count,merger_id)."""
    with app.open_library() as library:
        added = load_ao3_dump(library, path)
    _print_added(added, as_json)


@kb_group.command("load-table")
@click.argument("path", type=_FILE)
@click.option(
    "--type",
    "tag_type",
    type=click.Choice([tag_type.value for tag_type in TagType]),
    default=TagType.CHARACTER.value,
    show_default=True,
    help="The type of the table's tags.",
)
@click.option("--fandom", default="", help="The fandom new characters belong to.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def load_table_command(
    app: AppContext, path: Path, tag_type: str, fandom: str, as_json: bool
) -> None:
    """Load a "canonical,synonym1,synonym2,..." table of one tag type."""
    with app.open_library() as library:
        added = load_table(library, path, TagType(tag_type), fandom.strip())
    _print_added(added, as_json)


@kb_group.command("learned")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_obj
def learned_command(app: AppContext, as_json: bool) -> None:
    """How much the library has learned beyond the shipped knowledge base."""
    with app.open_library(create=False) as library:
        counts = learned_counts(library.database.connection)
    if as_json:
        json_line(_counts_json(counts))
        return
    click.echo(f"learned: {_counts_text(counts)}")


def _print_added(added: KnowledgeCounts, as_json: bool) -> None:
    if as_json:
        json_line(_counts_json(added))
        return
    if not added.total:
        click.echo("nothing new: the knowledge base already knew every name in the file")
        return
    click.echo(f"added {_counts_text(added)}")
    click.echo("run `ficshelf wrangle --all` to apply it to the works already imported")


def _counts_json(counts: KnowledgeCounts) -> dict[str, int]:
    return {
        "fandoms": counts.fandoms,
        "characters": counts.characters,
        "freeforms": counts.freeforms,
        "relationships": counts.relationships,
        "aliases": counts.aliases,
    }


def _counts_text(counts: KnowledgeCounts) -> str:
    return ", ".join(f"{number} {name}" for name, number in _counts_json(counts).items())

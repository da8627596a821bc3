"""How commands print: JSON lines for scripts, rich tables and cards for people."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import click
from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ficshelf.record import Record

_EMPTY = Text("—", style="dim")


def stdout() -> Console:
    """A console on the current stdout (looked up per call, so test runners can capture it)."""
    return Console(soft_wrap=False, highlight=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def json_line(value: object) -> None:
    """One JSON value on one line of stdout, UTF-8 as is (no \\u escapes)."""
    click.echo(json.dumps(value, ensure_ascii=False))


def error_line(message: str) -> None:
    """The one red line a user error gets, on stderr."""
    click.secho(f"error: {message}", fg="red", err=True)


def counts_table(title: str, counts: Mapping[str, int]) -> Table:
    table = Table(title=title, box=box.SIMPLE, show_header=False)
    table.add_column("outcome")
    table.add_column("count", justify="right")
    for name, count in counts.items():
        table.add_row(name, str(count), style="bold red" if name == "failed" and count else None)
    return table


@dataclass(frozen=True, slots=True)
class WorkRow:
    """One line of a works table, as ``list`` and ``search`` print them."""

    id: int
    title: str
    authors: Sequence[str]
    fandoms: Sequence[str]
    rating: str
    words: int


def works_table(rows: Iterable[WorkRow], *, caption: str | None = None) -> Table:
    """Titles and names go in as Text: a title like "[bold]Rain" is a title, not markup."""
    table = Table(box=box.SIMPLE_HEAD, caption=caption, caption_justify="left")
    table.add_column("id", justify="right", style="dim")
    table.add_column("title", style="bold")
    table.add_column("authors")
    table.add_column("fandoms")
    table.add_column("rating")
    table.add_column("words", justify="right")
    for row in rows:
        table.add_row(
            str(row.id),
            Text(row.title),
            Text(joined(row.authors)),
            Text(joined(row.fandoms)),
            row.rating,
            f"{row.words:,}",
        )
    return table


def work_card(record: Record, *, heading: str | None = None) -> Panel:
    """A readable card of an ``inspect`` record (also used by ``show``)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    raw = record.get("raw")
    raw_fields = raw if isinstance(raw, dict) else {}
    for label, key in _CARD_FIELDS:
        table.add_row(label, _cell(record.get(key)))
    table.add_row("Source", _cell(f"{record['path']} ({record['format']}, {record['encoding']})"))
    if raw_fields.get("words") is not None:
        table.add_row("Stated words", _cell(raw_fields["words"]))
    body = Text(str(record.get("body_start") or ""), style="italic")
    title = Text(str(record.get("title") or "(untitled)"), style="bold")
    if heading:
        title = Text.assemble((heading + "  ", "dim"), title)
    return Panel(Group(table, Text(""), body), title=title, title_align="left")


_CARD_FIELDS: Sequence[tuple[str, str]] = (
    ("Authors", "authors"),
    ("Fandoms", "fandoms"),
    ("Rating", "rating"),
    ("Warnings", "warnings"),
    ("Categories", "categories"),
    ("Relationships", "relationships"),
    ("Characters", "characters"),
    ("Tags", "freeforms"),
    ("Summary", "summary"),
    ("Notes", "notes"),
    ("Series", "series"),
    ("Language", "language"),
    ("Words", "words"),
    ("Chapters", "chapters"),
    ("Status", "status"),
    ("Published", "published"),
    ("Updated", "updated"),
)


def _cell(value: object) -> Text:
    if value is None or value == [] or value == "":
        return _EMPTY
    if isinstance(value, list):
        return Text(", ".join(_item(item) for item in value))
    if isinstance(value, int):
        return Text(f"{value:,}")
    return Text(str(value))


def _item(item: object) -> str:
    if isinstance(item, dict):  # a series entry
        position = item.get("position")
        return f"{item.get('name')}" + (f" #{position}" if position is not None else "")
    return str(item)


def joined(values: Iterable[str]) -> str:
    return ", ".join(values)

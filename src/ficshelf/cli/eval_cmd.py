"""``ficshelf eval ...``: measure how well ficshelf reads and wrangles, on labelled data."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich import box
from rich.table import Table

from ficshelf.cli.output import json_line, stdout
from ficshelf.evaluate.ao3 import evaluate_ao3
from ficshelf.evaluate.headers import HeadersReport, evaluate_headers
from ficshelf.evaluate.tags import TABLE_KINDS, evaluate_synonym_table


@click.group("eval")
def eval_group() -> None:
    """Measure ficshelf on labelled data."""


@eval_group.command("headers")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def headers_command(directory: Path, as_json: bool) -> None:
    """Score header reading on DIRECTORY/<case>/{story.txt,expected.json}."""
    _print_report(evaluate_headers(directory), as_json)


@eval_group.command("ao3")
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def ao3_command(directory: Path, as_json: bool) -> None:
    """Check AO3 HTML/EPUB files in DIRECTORY against themselves: stated words and chapters
    against what was read, and a work's HTML against its EPUB (same name), field by field."""
    _print_report(evaluate_ao3(directory), as_json)


def _print_report(report: HeadersReport, as_json: bool) -> None:
    if as_json:
        json_line(report.as_json())
        return
    console = stdout()
    console.print(_scores_table(report))
    console.print(_misses_table(report))
    for error in report.errors:
        click.secho(error, fg="red", err=True)


def _scores_table(report: HeadersReport) -> Table:
    overall = report.overall
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{report.cases} cases: {overall.right}/{overall.total} fields right "
        f"({overall.accuracy:.1%})",
        title_justify="left",
    )
    table.add_column("field")
    table.add_column("right", justify="right")
    table.add_column("accuracy", justify="right")
    for name, score in sorted(report.fields.items(), key=lambda item: item[1].accuracy):
        style = None if score.right == score.total else "yellow"
        table.add_row(name, f"{score.right}/{score.total}", f"{score.accuracy:.1%}", style=style)
    return table


def _misses_table(report: HeadersReport) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="Misses", title_justify="left")
    table.add_column("case", no_wrap=True)
    table.add_column("field", no_wrap=True)
    table.add_column("expected", overflow="fold")
    table.add_column("got", overflow="fold")
    for miss in report.misses:
        table.add_row(miss.case, miss.field, _shown(miss.expected), _shown(miss.got))
    return table


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


@eval_group.command("tags")
@click.argument("table", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--fandom", default=None, help="Fandom in context (default: the table's own).")
@click.option(
    "--kind",
    type=click.Choice(TABLE_KINDS),
    default=None,
    help="What the table's canonicals are (default: told from the table).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def tags_command(table: Path, fandom: str | None, kind: str | None, as_json: bool) -> None:
    """Share of synonyms in a "canonical,synonym,..." TABLE mapped to their canonical."""
    report = evaluate_synonym_table(table, fandom=fandom, kind=kind)
    click.echo(report.to_json() if as_json else report.to_text())

"""``ficshelf tags``: the library's tags with counts, written forms and parents; the tags the
wrangler could not place (``--unwrangled``); and how one tag was decided (``--why TAG``)."""

from __future__ import annotations

from collections.abc import Sequence

import click
from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import joined, json_line, stdout
from ficshelf.errors import LibraryError
from ficshelf.library import Library
from ficshelf.library.kbstate import knowledge_base
from ficshelf.library.rewrangle import NumberedRule, describe, numbered_rules, rules_involving
from ficshelf.library.suggest import closest, known_names
from ficshelf.library.tagstore import (
    TAG_SORTS,
    TAG_TYPES,
    TagAccount,
    TagLine,
    TagSort,
    canonical_names,
    matching_tags,
    tag_account,
    tag_lines,
    work_titles,
)

_WORKS_SHOWN = 5


@click.command("tags")
@click.option("--type", "tag_type", type=click.Choice(TAG_TYPES), help="Only tags of this type.")
@click.option("--unwrangled", is_flag=True, help="Tags the wrangler could not place, to review.")
@click.option("--why", metavar="TAG", help="How TAG was decided: written forms, reasons, rules.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per tag per line.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show at most N tags.")
@click.option(
    "--sort", type=click.Choice(TAG_SORTS), default="count", show_default=True, help="Order."
)
@click.pass_obj
def tags_command(
    app: AppContext,
    tag_type: str | None,
    unwrangled: bool,
    why: str | None,
    as_json: bool,
    limit: int | None,
    sort: TagSort,
) -> None:
    """List the library's tags: how many works carry each, how it was written, its parents."""
    with app.open_library(create=False) as library:
        if why is not None:
            _explain(library, why, tag_type, as_json)
            return
        lines = tag_lines(
            library.database.connection,
            tag_type=tag_type,
            unwrangled=unwrangled,
            sort=sort,
            limit=limit,
        )
        suggestions = _suggestions(library, lines) if unwrangled else {}
    if as_json:
        for line in lines:
            json_line(_line_json(line, suggestions.get(line.id, None), unwrangled))
        return
    if not lines:
        click.echo("No unwrangled tags." if unwrangled else "No tags.")
        return
    table = _review_table(lines, suggestions) if unwrangled else _tags_table(lines)
    stdout().print(table)


# --- listing ------------------------------------------------------------------------------------


def _suggestions(library: Library, lines: Sequence[TagLine]) -> dict[int, str | None]:
    kb = knowledge_base(library)
    candidates: dict[str, list[str]] = {}
    found: dict[int, str | None] = {}
    for line in lines:
        if line.type not in candidates:
            candidates[line.type] = [
                *canonical_names(library.database.connection, line.type),
                *known_names(kb, line.type),
            ]
        found[line.id] = closest(line.name, candidates[line.type])
    return found


def _line_json(line: TagLine, suggestion: str | None, unwrangled: bool) -> dict[str, object]:
    shown: dict[str, object] = {
        "type": line.type,
        "name": line.name,
        "works": line.works,
        "synonyms": list(line.synonyms),
        "parents": list(line.parents),
        "unwrangled": line.review is not None,
    }
    if unwrangled:
        shown["reason"] = line.review
        shown["suggestion"] = suggestion
    return shown


def _tags_table(lines: Sequence[TagLine]) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("type", style="dim")
    table.add_column("tag", style="bold")
    table.add_column("works", justify="right")
    table.add_column("synonyms", overflow="fold")
    table.add_column("parents")
    for line in lines:
        name = Text(line.name, style="yellow" if line.review is not None else "")
        table.add_row(line.type, name, str(line.works), joined(line.synonyms), joined(line.parents))
    return table


def _review_table(lines: Sequence[TagLine], suggestions: dict[int, str | None]) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("type", style="dim")
    table.add_column("tag", style="bold yellow")
    table.add_column("works", justify="right")
    table.add_column("synonyms", overflow="fold")
    table.add_column("why not placed", overflow="fold")
    table.add_column("suggestion", style="green")
    for line in lines:
        table.add_row(
            line.type,
            line.name,
            str(line.works),
            joined(line.synonyms),
            line.review or "",
            suggestions.get(line.id) or "",
        )
    return table


# --- --why ---------------------------------------------------------------------------------------


def _explain(library: Library, typed: str, tag_type: str | None, as_json: bool) -> None:
    connection = library.database.connection
    matches = matching_tags(connection, typed, tag_type)
    if not matches:
        raise LibraryError(f"no tag {typed!r} on any work in the library")
    rules = numbered_rules(connection)
    for match in matches:
        account = tag_account(connection, match.id)
        if account is None:
            continue
        involved = rules_involving(
            rules, account.tag.type, account.tag.name, (f.written for f in account.forms)
        )
        titles = work_titles(connection, [i for form in account.forms for i in form.work_ids])
        if as_json:
            json_line(_account_json(account, involved))
        else:
            stdout().print(_account_panel(account, involved, titles))


def _account_json(account: TagAccount, rules: Sequence[NumberedRule]) -> dict[str, object]:
    return {
        "type": account.tag.type,
        "name": account.tag.name,
        "works": account.tag.works,
        "unwrangled": account.tag.review,
        "parents": list(account.tag.parents),
        "children": list(account.children),
        "forms": [
            {"written": form.written, "how": form.how, "works": list(form.work_ids)}
            for form in account.forms
        ],
        "rules": [entry.as_json() for entry in rules],
    }


def _account_panel(
    account: TagAccount, rules: Sequence[NumberedRule], titles: dict[int, str]
) -> Panel:
    forms = Table(box=box.SIMPLE_HEAD, expand=False)
    forms.add_column("written")
    forms.add_column("how it was read", overflow="fold")
    forms.add_column("works", overflow="fold")
    for form in account.forms:
        written = Text(f'"{form.written}"') if form.written else Text("(not written)", "dim")
        forms.add_row(written, form.how or "—", _works(form.work_ids, titles))
    parts: list[Text | Table] = [forms]
    for entry in rules:
        parts.append(Text(f"rule #{entry.id}: {describe(entry.rule)}", style="magenta"))
    if account.tag.parents:
        parts.append(Text(f"meta tags: {joined(account.tag.parents)}"))
    if account.children:
        parts.append(Text(f"sub tags: {joined(account.children)}"))
    if account.tag.review is not None:
        parts.append(Text(f"not placed: {account.tag.review}", style="yellow"))
    heading = Text.assemble(
        (account.tag.name, "bold"),
        (f"  {account.tag.type}, {_count(account.tag.works)}", "dim"),
    )
    return Panel(Group(*parts), title=heading, title_align="left")


def _works(ids: Sequence[int], titles: dict[int, str]) -> str:
    shown = [f"#{work_id} {titles.get(work_id, '')}".strip() for work_id in ids[:_WORKS_SHOWN]]
    more = len(ids) - _WORKS_SHOWN
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _count(works: int) -> str:
    return f"{works} work" + ("" if works == 1 else "s")

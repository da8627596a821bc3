"""``ficshelf wrangle``: correct the wrangler once, for good.

    ficshelf wrangle "Kashi" --to "Hatake Kakashi"      a written variant means a canonical tag
    ficshelf wrangle "Hurt" --merge "Hurt/Comfort"      one tag's works move to another
    ficshelf wrangle "AU" --rename "Alternate Universe" a canonical tag gets a new name
    ficshelf wrangle "Fluff" --parent "Comfort Reads"   a meta tag
    ficshelf wrangle --list | --remove N | --all

Each rule is kept in the library (it applies to every later import) and the works it touches
are wrangled again at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import click
from rich import box
from rich.table import Table

from ficshelf.cli.context import AppContext
from ficshelf.cli.output import json_line, stdout
from ficshelf.library import Library
from ficshelf.library.rewrangle import (
    NumberedRule,
    RewrangleReport,
    RuleError,
    add_rule,
    describe,
    numbered_rules,
    remove_rule,
    rewrangle_all,
)
from ficshelf.library.tagstore import matching_tags
from ficshelf.model import TagType
from ficshelf.wrangle.rules import Rule, RuleKind

_IDS_SHOWN = 10
_RULE_OPTIONS: tuple[tuple[str, RuleKind], ...] = (
    ("to", "synonym"),
    ("merge", "merge"),
    ("rename", "rename"),
    ("parent", "parent"),
)


@click.command("wrangle")
@click.argument("tag", required=False)
@click.option("--to", metavar="CANONICAL", help="TAG is a way of writing CANONICAL (synonym).")
@click.option(
    "--merge", metavar="TARGET", help="TAG's works move to TARGET; TAG becomes its synonym."
)
@click.option("--rename", metavar="NEW", help="Rename TAG to NEW; the old name stays a synonym.")
@click.option("--parent", metavar="META", help="Give TAG the meta tag META.")
@click.option(
    "--type",
    "tag_type",
    type=click.Choice([tag_type.value for tag_type in TagType]),
    help="TAG's type, when the library cannot tell.",
)
@click.option("--list", "list_rules", is_flag=True, help="List the rules, numbered.")
@click.option("--remove", type=int, metavar="N", help="Remove rule number N.")
@click.option("--all", "everything", is_flag=True, help="Wrangle every work again.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def wrangle_command(
    app: AppContext,
    tag: str | None,
    to: str | None,
    merge: str | None,
    rename: str | None,
    parent: str | None,
    tag_type: str | None,
    list_rules: bool,
    remove: int | None,
    everything: bool,
    as_json: bool,
) -> None:
    """Record a wrangle rule and re-wrangle the works it touches, or list and remove rules."""
    targets = {"to": to, "merge": merge, "rename": rename, "parent": parent}
    chosen = [(kind, targets[option]) for option, kind in _RULE_OPTIONS if targets[option]]
    actions = len(chosen) + list_rules + (remove is not None) + everything
    if actions != 1:
        raise click.UsageError(
            "give exactly one of --to, --merge, --rename, --parent, --list, --remove, --all"
        )
    if chosen and not tag:
        raise click.UsageError("say which TAG the rule is about")
    with app.open_library(create=False) as library:
        if list_rules:
            _print_rules(numbered_rules(library.database.connection), as_json)
        elif remove is not None:
            entry, report = remove_rule(library, remove)
            _print_outcome("removed", entry, report, as_json)
        elif everything:
            _print_outcome("", None, rewrangle_all(library), as_json)
        else:
            assert tag is not None
            kind, target = chosen[0]
            assert target is not None
            rule = Rule(
                kind, _rule_type(library, tag, target, tag_type), tag.strip(), target.strip()
            )
            entry, report = add_rule(library, rule)
            _print_outcome("rule", entry, report, as_json)
            if not report.changed:
                _hint_if_misdirected(library, rule)


def _rule_type(library: Library, tag: str, target: str, explicit: str | None) -> TagType:
    """The type the user gave, else the one type the library knows ``tag`` (or the target) as."""
    if explicit:
        return TagType(explicit)
    connection = library.database.connection
    for typed in (tag, target):
        matches = [m for m in matching_tags(connection, typed) if m.type in _RULE_TYPES]
        for candidates in ([m for m in matches if m.by_name], matches):
            types = list(dict.fromkeys(match.type for match in candidates))
            if len(types) == 1:
                return TagType(types[0])
            if len(types) > 1:
                raise RuleError(
                    f'"{typed}" is a tag of several types ({", ".join(types)}): '
                    "say which with --type"
                )
    raise RuleError(f'no tag "{tag}" or "{target}" in the library: say its type with --type')


_RULE_TYPES = frozenset(tag_type.value for tag_type in TagType)


def _hint_if_misdirected(library: Library, rule: Rule) -> None:
    """A rule that changed nothing may have used the wrong verb: --to matches what files wrote,
    --merge/--rename/--parent match tag names. Say so (on stderr, so --json stays clean)."""
    matches = matching_tags(library.database.connection, rule.source, rule.type.value)
    named = any(match.by_name for match in matches)
    if rule.kind == "synonym" and named:
        click.echo(
            f'hint: "{rule.source}" is the name of a tag; to move its works to '
            f'"{rule.target}" use --merge',
            err=True,
        )
    elif rule.kind != "synonym" and matches and not named:
        click.echo(
            f'hint: "{rule.source}" is how files wrote a tag, not its name; '
            "to make it mean another tag use --to",
            err=True,
        )


def _print_rules(entries: Sequence[NumberedRule], as_json: bool) -> None:
    if as_json:
        for entry in entries:
            json_line(entry.as_json())
        return
    if not entries:
        click.echo('No wrangle rules yet (add one: ficshelf wrangle "variant" --to "Canonical").')
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", style="dim")
    table.add_column("rule")
    table.add_column("made", style="dim")
    for entry in entries:
        table.add_row(str(entry.id), describe(entry.rule), entry.created_at)
    stdout().print(table)


def _print_outcome(
    verb: str, entry: NumberedRule | None, report: RewrangleReport, as_json: bool
) -> None:
    if as_json:
        shown: dict[str, object] = {"examined": report.examined, "changed": list(report.changed)}
        if entry is not None:
            shown = {verb: entry.as_json(), **shown}
        json_line(shown)
        return
    if entry is not None:
        click.echo(f"{verb} #{entry.id}: {describe(entry.rule)}")
    works = "work" if report.examined == 1 else "works"
    listed = ", ".join(f"#{work_id}" for work_id in report.changed[:_IDS_SHOWN])
    if len(report.changed) > _IDS_SHOWN:
        listed += f" and {len(report.changed) - _IDS_SHOWN} more"
    click.echo(
        f"re-wrangled {report.examined} {works}: {len(report.changed)} changed"
        + (f" ({listed})" if listed else "")
    )

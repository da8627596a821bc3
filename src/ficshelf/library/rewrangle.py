"""The user's wrangle rules in the library, and re-wrangling the works a rule touches.

A rule (``ficshelf wrangle "Kashi" --to "Hatake Kakashi"``) is kept in ``wrangle_rules`` and
applies to every later import. Adding or removing one re-wrangles at once every work it may
change: the works carrying the tags it names (by name or as written), and the works whose
metadata as written mentions them. Each work is wrangled again from its stored raw metadata
(``works.raw_json``, so the source file is not needed) with the library's knowledge base and
all its rules, and its tags are replaced in one transaction per work; its id, text and sources
stay. Works whose tags come out the same are not written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ficshelf.errors import FicshelfError
from ficshelf.library import store
from ficshelf.library.db import Connection
from ficshelf.library.kbstate import knowledge_base
from ficshelf.library.library import Library
from ficshelf.library.tagstore import matching_tags, work_ids_with_tags
from ficshelf.model import TagType, Work
from ficshelf.vocab import fold
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule

_VERBS = {
    "synonym": "is a synonym of",
    "merge": "is merged into",
    "rename": "is renamed",
    "parent": "has the meta tag",
}


class RuleError(FicshelfError):
    """A rule that cannot be kept (a tag merged into itself) or a rule number that is not there."""


@dataclass(frozen=True, slots=True)
class NumberedRule:
    """A rule as the library keeps it; ``id`` is the number ``wrangle --remove`` takes."""

    id: int
    rule: Rule
    created_at: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.rule.kind,
            "type": self.rule.type.value,
            "source": self.rule.source,
            "target": self.rule.target,
            "says": describe(self.rule),
            "created_at": self.created_at,
        }


@dataclass(frozen=True, slots=True)
class RewrangleReport:
    """How many works were wrangled again, and which of them changed."""

    examined: int
    changed: tuple[int, ...]


# --- rules -----------------------------------------------------------------------------------


def numbered_rules(connection: Connection) -> list[NumberedRule]:
    """Every rule, oldest first (the order they apply in)."""
    return [
        NumberedRule(int(rule_id), Rule(kind, TagType(tag_type), source, target), created_at)
        for rule_id, kind, tag_type, source, target, created_at in connection.execute(
            "SELECT id, kind, tag_type, source, target, created_at FROM wrangle_rules ORDER BY id"
        )
    ]


def describe(rule: Rule) -> str:
    """One line for a person: 'character "Kashi" is a synonym of "Hatake Kakashi"'."""
    return f'{rule.type.value} "{rule.source}" {_VERBS[rule.kind]} "{rule.target}"'


def rules_involving(
    rules: Iterable[NumberedRule], tag_type: str, name: str, written: Iterable[str] = ()
) -> list[NumberedRule]:
    """The rules that can put a tag named ``name`` on a work, or that act on it: those naming
    it as source or target, and those whose source is one of the forms it was written as."""
    names = {fold(name), *(fold(form) for form in written if form)}
    return [
        entry
        for entry in rules
        if entry.rule.type.value == tag_type
        and (fold(entry.rule.target) == fold(name) or fold(entry.rule.source) in names)
    ]


def add_rule(
    library: Library, rule: Rule, kb: KnowledgeBase | None = None
) -> tuple[NumberedRule, RewrangleReport]:
    """Keep ``rule`` and re-wrangle the works it touches (and those of the rule it replaces)."""
    _check(rule)
    replaced = [
        entry.rule.target
        for entry in numbered_rules(library.database.connection)
        if rule.kind != "parent"
        and (entry.rule.kind, entry.rule.type, entry.rule.source)
        == (rule.kind, rule.type, rule.source)
    ]
    library.save_rule(rule)
    saved = _numbered(library.database.connection, rule)
    touched = affected_works(
        library.database.connection, rule.type, [rule.source, rule.target, *replaced]
    )
    return saved, rewrangle_works(library, touched, kb=kb)


def remove_rule(
    library: Library, rule_id: int, kb: KnowledgeBase | None = None
) -> tuple[NumberedRule, RewrangleReport]:
    """Forget rule number ``rule_id`` and re-wrangle the works it touched."""
    found = [entry for entry in numbered_rules(library.database.connection) if entry.id == rule_id]
    if not found:
        raise RuleError(f"there is no wrangle rule #{rule_id} (see `ficshelf wrangle --list`)")
    entry = found[0]
    with library.database.transaction() as connection:
        connection.execute("DELETE FROM wrangle_rules WHERE id = ?", (rule_id,))
        if entry.rule.kind == "parent":
            _unlink_parent(connection, entry.rule)
    touched = affected_works(
        library.database.connection, entry.rule.type, [entry.rule.source, entry.rule.target]
    )
    return entry, rewrangle_works(library, touched, kb=kb)


def _check(rule: Rule) -> None:
    if not rule.source.strip() or not rule.target.strip():
        raise RuleError("a wrangle rule needs a tag and a target that are not empty")
    if rule.kind in ("merge", "parent") and fold(rule.source) == fold(rule.target):
        what = "merged into" if rule.kind == "merge" else "made a meta tag of"
        raise RuleError(f'"{rule.source}" cannot be {what} itself')
    if rule.kind == "rename" and rule.source == rule.target:
        raise RuleError(f'"{rule.source}" already has that name')


def _numbered(connection: Connection, rule: Rule) -> NumberedRule:
    for entry in reversed(numbered_rules(connection)):
        if entry.rule == rule:
            return entry
    raise AssertionError(f"rule {rule} was saved but is not in wrangle_rules")


# --- meta tags -------------------------------------------------------------------------------


def _link_parents(connection: Connection, rules: Iterable[Rule]) -> None:
    """Record each parent rule in tag_parents once both tags exist (the wrangler puts the meta
    tag on the works themselves; tag_parents lets searches and pages walk from parent to child)."""
    for rule in rules:
        if rule.kind == "parent":
            connection.execute(
                "INSERT INTO tag_parents (tag_id, parent_id) "
                "SELECT child.id, parent.id FROM tags child, tags parent "
                "WHERE child.type = ? AND child.name = ? AND parent.type = ? AND parent.name = ? "
                "ON CONFLICT (tag_id, parent_id) DO NOTHING",
                (rule.type.value, rule.source, rule.type.value, rule.target),
            )


def _unlink_parent(connection: Connection, rule: Rule) -> None:
    connection.execute(
        "DELETE FROM tag_parents "
        "WHERE tag_id IN (SELECT id FROM tags WHERE type = ? AND name = ?) "
        "AND parent_id IN (SELECT id FROM tags WHERE type = ? AND name = ?)",
        (rule.type.value, rule.source, rule.type.value, rule.target),
    )


# --- re-wrangling ----------------------------------------------------------------------------


def affected_works(connection: Connection, tag_type: TagType, names: Sequence[str]) -> set[int]:
    """Works a rule about ``names`` may change: those carrying a tag of that type named so (or
    written so), and those whose metadata as written mentions one of the names."""
    tag_ids = {
        match.id
        for name in dict.fromkeys(names)
        for match in matching_tags(connection, name, tag_type.value)
    }
    found = work_ids_with_tags(connection, tag_ids)
    for name in dict.fromkeys(names):
        found.update(_works_mentioning(connection, name))
    return found


def _works_mentioning(connection: Connection, name: str) -> set[int]:
    # raw_json is JSON text: the name is looked for as JSON would spell it, case aside.
    spelled = json.dumps(name.strip(), ensure_ascii=False)[1:-1].lower()
    pattern = "%" + spelled.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return {
        int(work_id)
        for (work_id,) in connection.execute(
            "SELECT id FROM works WHERE lower(raw_json) LIKE ? ESCAPE '\\'", (pattern,)
        )
    }


def rewrangle_all(library: Library, kb: KnowledgeBase | None = None) -> RewrangleReport:
    """Wrangle every work again (after the knowledge base has grown)."""
    ids = [
        int(work_id) for (work_id,) in library.database.connection.execute("SELECT id FROM works")
    ]
    return rewrangle_works(library, ids, kb=kb)


def rewrangle_works(
    library: Library,
    work_ids: Iterable[int],
    *,
    kb: KnowledgeBase | None = None,
    rules: Sequence[Rule] | None = None,
) -> RewrangleReport:
    """Wrangle these works again and store the tags of those that changed."""
    ids = sorted(set(work_ids))
    rules = library.rules() if rules is None else rules
    if ids and kb is None:
        kb = knowledge_base(library)
    changed: list[int] = []
    placed: set[tuple[str, str]] = set()
    for work_id in ids:
        # Tags come from the metadata alone: the chapters are not read, and without them
        # wrangle skips guessing the language, which is not re-stored here.
        stored = library.get(work_id, with_chapters=False)
        if stored is None:
            continue
        work = wrangle(stored.work.raw, kb, rules)
        if _tag_signature(work) == _tag_signature(stored.work):
            continue
        with library.database.transaction() as connection:
            store.retag_work(connection, work_id, work)
        changed.append(work_id)
        placed.update((tag.type.value, tag.name) for tag in work.tags if tag.known)
    with library.database.transaction() as connection:
        _tidy(connection, placed)
        _link_parents(connection, rules)
    return RewrangleReport(len(ids), tuple(changed))


def _tag_signature(work: Work) -> tuple[object, ...]:
    """What a re-wrangle can change about a work, as the library stores it."""
    return (
        tuple((tag.type, tag.name, tag.written or tag.name, tag.how) for tag in work.tags),
        work.warnings,
        work.categories,
        work.fandom_inferred,
    )


def _tidy(connection: Connection, placed: Iterable[tuple[str, str]]) -> None:
    """After tags moved: tags no work carries, and tags now placed, leave the review list;
    written forms no work uses any more stop being listed as synonyms."""
    for tag_type, name in placed:
        connection.execute(
            "DELETE FROM tag_review "
            "WHERE tag_id IN (SELECT id FROM tags WHERE type = ? AND name = ?)",
            (tag_type, name),
        )
    connection.execute("DELETE FROM tag_review WHERE tag_id NOT IN (SELECT tag_id FROM work_tags)")
    connection.execute(
        "DELETE FROM tag_synonyms WHERE NOT EXISTS (SELECT 1 FROM work_tags "
        "WHERE work_tags.tag_id = tag_synonyms.tag_id AND work_tags.written = tag_synonyms.written)"
    )

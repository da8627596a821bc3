"""User rules: corrections a user records once ("ficshelf wrangle X --to Y") that win over the
knowledge base on every later wrangle, including re-imports.

- synonym: a written variant means an existing canonical tag;
- merge:   one canonical tag is folded into another (both names now mean the target);
- rename:  a canonical tag gets a new name;
- parent:  a canonical tag gets a meta tag, added beside it so searches for the parent find it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ficshelf.model import TagRef, TagType
from ficshelf.vocab import fold

RuleKind = Literal["synonym", "merge", "rename", "parent"]
RULE_KINDS: tuple[RuleKind, ...] = ("synonym", "merge", "rename", "parent")


@dataclass(frozen=True, slots=True)
class Rule:
    kind: RuleKind
    type: TagType
    source: str
    target: str

    def matches(self, tag_type: TagType, name: str) -> bool:
        return self.type == tag_type and fold(self.source) == fold(name)


def synonym_for(written: str, tag_type: TagType, rules: Sequence[Rule]) -> Rule | None:
    """The synonym rule that claims a written tag, if any (checked before the knowledge base)."""
    for rule in rules:
        if rule.kind == "synonym" and rule.matches(tag_type, written):
            return rule
    return None


def apply_rules(tags: Iterable[TagRef], rules: Sequence[Rule]) -> tuple[TagRef, ...]:
    """Tags after the user's merge, rename and parent rules; duplicates collapse into one."""
    result: list[TagRef] = []
    for tag in tags:
        tag = _renamed(tag, rules)
        result.append(tag)
        result.extend(_parents(tag, rules))
    return dedupe(result)


def _renamed(tag: TagRef, rules: Sequence[Rule]) -> TagRef:
    for rule in rules:
        if rule.kind in ("merge", "rename") and rule.matches(tag.type, tag.name):
            verb = "merged into" if rule.kind == "merge" else "renamed to"
            how = f"user rule: {rule.source} {verb} {rule.target}"
            return replace(tag, name=rule.target, how=how, known=True)
    return tag


def _parents(tag: TagRef, rules: Sequence[Rule]) -> list[TagRef]:
    return [
        TagRef(tag.type, rule.target, tag.written, f"user rule: parent of {tag.name}")
        for rule in rules
        if rule.kind == "parent" and rule.matches(tag.type, tag.name)
    ]


def dedupe(tags: Iterable[TagRef]) -> tuple[TagRef, ...]:
    """First tag of each (type, name); later duplicates are dropped."""
    seen: dict[tuple[TagType, str], TagRef] = {}
    for tag in tags:
        seen.setdefault((tag.type, tag.name), tag)
    return tuple(seen.values())

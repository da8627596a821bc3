"""Tags from AO3 files: AO3's names, so they are kept as they are. Characters and
relationships are only folded onto the knowledge base's canonical names where it knows an exact
synonym, and relationship names are never re-split ("Sarah Sawyer/John Watson" stays one tag,
in AO3's order). Freeforms, which authors write freely on AO3 too, fold as any freeform does
("SO MUCH ANGST" is Angst); one the knowledge base cannot place stays an AO3 tag."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ficshelf.model import Category, RawWork, TagRef, TagType, Warning
from ficshelf.vocab import category_from, warning_from
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.fandoms import stated_fandoms
from ficshelf.wrangle.freeforms import wrangle_freeform
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.rules import Rule, dedupe, synonym_for
from ficshelf.wrangle.tagset import WrangledTags

_EXACT_READINGS = frozenset({"name as written"})
_E = TypeVar("_E", Warning, Category)


def wrangle_ao3_tags(raw: RawWork, kb: KnowledgeBase, rules: Sequence[Rule]) -> WrangledTags:
    fandoms = stated_fandoms(raw.fandoms, kb, rules, trusted=True)
    context = frozenset(tag.name for tag in fandoms)
    decisions: list[str] = []
    warnings = _closed(raw.warnings, warning_from, "archive warning", decisions)
    categories = _closed(raw.categories, category_from, "category", decisions)
    return WrangledTags(
        fandoms=dedupe(fandoms),
        warnings=tuple(warnings),
        categories=tuple(categories),
        relationships=dedupe(_relationship(w, kb, rules) for w in raw.relationships),
        characters=dedupe(_character(w, kb, rules, context) for w in raw.characters),
        freeforms=dedupe(wrangle_freeform(w, kb, rules, trusted=True) for w in raw.freeforms),
        decisions=tuple(decisions),
    )


def _closed(
    values: Iterable[str],
    lookup: Callable[[str], _E | None],
    label: str,
    decisions: list[str],
) -> list[_E]:
    found: list[_E] = []
    for value in values:
        member = lookup(value)
        if member is None:
            decisions.append(f"{value!r} is not a known {label}: left out")
        elif member not in found:
            found.append(member)
    return found


def _relationship(written: str, kb: KnowledgeBase, rules: Sequence[Rule]) -> TagRef:
    rule = synonym_for(written, TagType.RELATIONSHIP, rules)
    if rule is not None:
        return TagRef(TagType.RELATIONSHIP, rule.target, written, "user rule: synonym")
    canonical = kb.relationship(written)
    if canonical is not None and canonical != written:
        return TagRef(TagType.RELATIONSHIP, canonical, written, "AO3 synonym in knowledge base")
    return TagRef(TagType.RELATIONSHIP, written.strip(), written, "AO3 tag")


def _character(
    written: str, kb: KnowledgeBase, rules: Sequence[Rule], context: frozenset[str]
) -> TagRef:
    rule = synonym_for(written, TagType.CHARACTER, rules)
    if rule is not None:
        return TagRef(TagType.CHARACTER, rule.target, written, "user rule: synonym")
    match = resolver_for(kb).resolve(written, context)
    character = match.character
    if character is not None and match.how in _EXACT_READINGS and character.name != written:
        how = "AO3 synonym in knowledge base"
        return TagRef(TagType.CHARACTER, character.name, written, how)
    return TagRef(TagType.CHARACTER, written.strip(), written, "AO3 tag")

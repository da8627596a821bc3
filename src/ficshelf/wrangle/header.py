"""Tags from a free-form header: what a careful fan reads from a person's own words.

Order matters: warning lines are sorted first (they also carry categories and freeforms),
then pairings and character names are read, the fandom is taken as stated or inferred from
those names, and only then are names resolved, in the context of that fandom.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ficshelf.model import Category, RawWork, TagRef, TagType
from ficshelf.vocab import category_from
from ficshelf.wrangle.character_freeforms import character_freeform
from ficshelf.wrangle.characters import CharacterResolver, NameMatch
from ficshelf.wrangle.english import given_names
from ficshelf.wrangle.fandoms import Evidence, infer_fandoms, stated_fandoms
from ficshelf.wrangle.freeforms import split_freeform_list, wrangle_freeform
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.relationships import (
    Pairing,
    canonical_name,
    read_pairing,
    sensible_case,
    split_pairings,
)
from ficshelf.wrangle.rules import Rule, dedupe, synonym_for
from ficshelf.wrangle.tagset import WrangledTags
from ficshelf.wrangle.warnings import read_warning_lines

_NAME_LIST = re.compile(r"\s*(?:[,;]|\s&\s|\band\b)\s*")
_BRACKETED = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True, slots=True)
class _Reading:
    """Everything read before fandoms are known."""

    pairing_texts: tuple[str, ...]
    character_names: tuple[str, ...]


def wrangle_header_tags(
    raw: RawWork, kb: KnowledgeBase, rules: Sequence[Rule], resolver: CharacterResolver
) -> WrangledTags:
    warning_reading = read_warning_lines(raw.warnings, kb, rules)
    reading = _read_names(raw)
    decisions: list[str] = []

    fandoms = stated_fandoms(raw.fandoms, kb, rules)
    inferred = False
    if not fandoms:
        fandoms = infer_fandoms(_evidence(reading, kb, resolver))
        inferred = bool(fandoms)
        if inferred:
            decisions.append(f"fandom inferred: {', '.join(t.name for t in fandoms)}")
    context = frozenset(t.name for t in fandoms if t.known)

    pairings = [p for text in reading.pairing_texts if (p := read_pairing(text, kb, context))]
    relationships = [_relationship(p, kb, rules, resolver, context) for p in pairings]
    characters = [_character(n, rules, resolver, context) for n in reading.character_names]

    categories = _stated_categories(raw.categories, decisions)
    for category in warning_reading.categories:
        if category not in categories:
            categories.append(category)
    if not categories:
        categories = _inferred_categories(relationships, kb, decisions)

    freeforms = [
        wrangle_freeform(tag, kb, rules)
        for value in raw.freeforms
        for tag in split_freeform_list(value)
    ]
    freeforms = [
        _about_a_character(tag, resolver, context)
        for tag in (*warning_reading.freeforms, *freeforms)
    ]
    return WrangledTags(
        fandoms=dedupe(fandoms),
        warnings=tuple(warning_reading.warnings),
        categories=tuple(categories),
        relationships=dedupe(tag for tag, _members in relationships),
        characters=dedupe(characters),
        freeforms=dedupe(freeforms),
        notes=tuple(warning_reading.notes),
        decisions=tuple(decisions),
        fandom_inferred=inferred,
    )


def _about_a_character(tag: TagRef, resolver: CharacterResolver, context: frozenset[str]) -> TagRef:
    """An unknown freeform about one character of the work's fandom, as AO3 names such a tag
    ("Protective!Sirius" -> "Protective Sirius Black"); any other tag as it was."""
    if tag.known:
        return tag
    found = character_freeform(tag.written, resolver, context)
    if found is None:
        return tag
    return TagRef(TagType.FREEFORM, found[0], tag.written, found[1])


def _read_names(raw: RawWork) -> _Reading:
    pairing_texts = [piece for value in raw.relationships for piece in split_pairings(value)]
    names: list[str] = []
    for value in raw.characters:
        # FanFiction.net marks a pairing by brackets in the character list: "[Cloud S., Zack F.]".
        for group in _BRACKETED.findall(value):
            members = [n for n in _NAME_LIST.split(group) if n.strip()]
            pairing_texts.append("/".join(members))
            names.extend(members)
        rest = _BRACKETED.sub(",", value)
        names.extend(n.strip() for n in _NAME_LIST.split(rest) if n and n.strip(" ."))
    return _Reading(tuple(pairing_texts), tuple(dict.fromkeys(names)))


def _evidence(reading: _Reading, kb: KnowledgeBase, resolver: CharacterResolver) -> list[Evidence]:
    """What each written name says of the fandom. A common given name paired with someone
    no fandom knows says nothing: in "Ed/Roy" from a fandom we lack, "Roy" alone would
    make it a story about whichever Roy we know. Nor do names written alone that no fandom
    shares: "Mira/Tess" is an original pairing as likely as a crossover of the one fandom
    with a Mira and the one with a Tess."""
    evidence: list[Evidence] = []
    people: list[str] = _shared_or_full(list(reading.character_names), resolver)
    for text in reading.pairing_texts:
        pairing = read_pairing(text, kb, frozenset())
        if pairing is None:
            continue
        if pairing.fandom is not None:
            evidence.append(Evidence(text, frozenset({pairing.fandom})))
        people.extend(_telling_members(pairing.people, resolver))
    standing = kb.standing
    for person in dict.fromkeys(p.strip() for p in people):
        candidates = resolver.candidates(person)
        depth: dict[str, float] = {}
        for c in candidates:
            depth[c.fandom] = min(depth.get(c.fandom, 1.0), standing.get((c.fandom, c.name), 1.0))
        evidence.append(Evidence(person, frozenset(depth), depth))
    return evidence


def _telling_members(people: Sequence[str], resolver: CharacterResolver) -> list[str]:
    """The members of a pairing that may tell its fandom: all of them when every one is
    somebody we know of a fandom they share, else all but the common given names and the
    names written alone."""
    fandoms = [frozenset(c.fandom for c in resolver.candidates(person)) for person in people]
    if all(fandoms):
        return _shared_or_full(list(people), resolver)
    return [person for person in people if not _common_given_name(person)]


def _shared_or_full(names: list[str], resolver: CharacterResolver) -> list[str]:
    """``names``, unless there are several, each a name written alone, and no fandom has
    two of them: then none (see ``_evidence``)."""
    if len(names) < 2 or not all(_one_word(name) for name in names):
        return names
    seen: Counter[str] = Counter()
    for name in names:
        seen.update({c.fandom for c in resolver.candidates(name)})
    return names if any(count > 1 for count in seen.values()) else []


def _read_in(written: str, resolver: CharacterResolver, context: frozenset[str]) -> NameMatch:
    """``written`` read in the work's fandoms; with none, a name written alone is kept as
    written: it would be a guess at whichever fandom has someone so called."""
    if not context and _one_word(written):
        return NameMatch(written, None, "a name written alone, with no fandom to read it in")
    return resolver.resolve(written, context)


def _one_word(person: str) -> bool:
    return " " not in name_key(split_asides(person)[0])


def _common_given_name(person: str) -> bool:
    key = name_key(split_asides(person)[0])
    return " " not in key and key in given_names()


def _character(
    written: str, rules: Sequence[Rule], resolver: CharacterResolver, context: frozenset[str]
) -> TagRef:
    rule = synonym_for(written, TagType.CHARACTER, rules)
    if rule is not None:
        return TagRef(TagType.CHARACTER, rule.target, written, "user rule: synonym")
    match = _read_in(written, resolver, context)
    if match.character is not None:
        return TagRef(TagType.CHARACTER, match.character.name, written, match.how)
    name = sensible_case(split_asides(written)[0])
    return TagRef(
        TagType.CHARACTER, name, written, f"unknown: kept as written ({match.how})", False
    )


def _relationship(
    pairing: Pairing,
    kb: KnowledgeBase,
    rules: Sequence[Rule],
    resolver: CharacterResolver,
    context: frozenset[str],
) -> tuple[TagRef, tuple[str, ...] | None]:
    """The relationship tag and its canonical members (None when some are unknown)."""
    written = pairing.written
    rule = synonym_for(written, TagType.RELATIONSHIP, rules)
    if rule is not None:
        return TagRef(TagType.RELATIONSHIP, rule.target, written, "user rule: synonym"), None
    if pairing.members:
        name = canonical_name(pairing.members, pairing.romantic)
        return TagRef(TagType.RELATIONSHIP, name, written, pairing.how), pairing.members
    names: list[str] = []
    reasons: list[str] = []
    known = True
    for person in pairing.people:
        match = _read_in(person, resolver, context)
        if match.character is not None:
            names.append(match.character.name)
            reasons.append(f"{person.strip()}: {match.how}")
        else:
            known = False
            names.append(sensible_case(split_asides(person)[0]))
            why = "" if match.how == "unknown" else f" ({match.how})"
            reasons.append(f"{person.strip()}: unknown{why}")
    name = canonical_name(names, pairing.romantic)
    how = "; ".join(filter(None, [pairing.how, *reasons]))
    tag = TagRef(TagType.RELATIONSHIP, name, written, how, known)
    return tag, (tuple(names) if known else None)


def _stated_categories(values: Iterable[str], decisions: list[str]) -> list[Category]:
    found: list[Category] = []
    for value in values:
        for part in split_freeform_list(value):
            category = category_from(part)
            if category is None:
                decisions.append(f"{part!r} is not a known category: left out")
            elif category not in found:
                found.append(category)
    return found


def _inferred_categories(
    relationships: Sequence[tuple[TagRef, tuple[str, ...] | None]],
    kb: KnowledgeBase,
    decisions: list[str],
) -> list[Category]:
    """Categories from the genders of romantic pairings, only when every gender is known."""
    romantic = [(tag, members) for tag, members in relationships if "/" in tag.name]
    if not romantic:
        return []
    found: list[Category] = []
    for _tag, members in romantic:
        genders = _genders(members, kb)
        if genders is None:
            return []
        category = _category_of(genders)
        if category not in found:
            found.append(category)
    decisions.append(
        "categories inferred from the pairings' genders: " + ", ".join(c.value for c in found)
    )
    return found


def _genders(members: tuple[str, ...] | None, kb: KnowledgeBase) -> list[str] | None:
    if not members:
        return None
    genders: list[str] = []
    for name in members:
        character = kb.character_named(name)
        if character is None or character.gender is None:
            return None
        genders.append(character.gender)
    return genders


def _category_of(genders: Sequence[str]) -> Category:
    kinds = set(genders)
    if kinds == {"m"}:
        return Category.MM
    if kinds == {"f"}:
        return Category.FF
    return Category.FM if len(genders) == 2 else Category.MULTI

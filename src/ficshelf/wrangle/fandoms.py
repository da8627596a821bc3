"""Fandoms: canonical names for stated fandoms, and inference from the characters when the
file names none.

Inference scores each fandom by how many of the written names it can explain and picks the
best; a second fandom joins (a crossover) only when it explains names the first cannot, by at
least two names or by a name no other fandom claims. A tie is broken only when the names are
clearly the leads of one fandom and the extras of the others ("Merlin/Arthur"; "Harry" alone),
as each fandom file lists its leads first; otherwise no fandom is guessed ("John", "Steve").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ficshelf.model import TagRef, TagType
from ficshelf.wrangle.kb import Fandom, KnowledgeBase
from ficshelf.wrangle.names import split_asides
from ficshelf.wrangle.rules import Rule, synonym_for

_CROSSOVER_SPLIT = re.compile(r"\s*(?:[,;/]|\s&\s|\s+x\s+|\bcrossover\b|\band\b)\s*", re.I)
# What says a value joins fandoms for sure; "and" alone may be a title's ("Pride and
# Prejudice", "Harry Potter and the Methods of Rationality").
_CROSSOVER_MARK = re.compile(r"[,;/&]|\s+x\s+|\bcrossover\b", re.I)
_MIN_SECOND_FANDOM_VOTES = 2
# How much nearer the top of its cast a tied fandom's names must come to be chosen: in all
# (summed over the names, each 0 to 1) and as a share of the other fandom's depth.
_CLEARLY_MORE_CENTRAL = 0.15
_AT_MOST_OF_THE_OTHER = 0.5


@dataclass(frozen=True, slots=True)
class Evidence:
    """One written name (or ship) and the fandoms it could belong to; ``standing`` is, per
    fandom, how far down its cast the name's character comes (0 the lead, near 1 the last
    extra), for ties between fandoms."""

    written: str
    fandoms: frozenset[str]
    standing: Mapping[str, float] = field(default_factory=dict)


def stated_fandoms(
    written: Sequence[str], kb: KnowledgeBase, rules: Sequence[Rule] = (), trusted: bool = False
) -> list[TagRef]:
    """Canonical fandoms for what a file states ("HP", "Naruto/Harry Potter crossover")."""
    tags: list[TagRef] = []
    for value in written:
        tags.extend(_stated(value.strip(), kb, rules, trusted))
    return tags


def _stated(value: str, kb: KnowledgeBase, rules: Sequence[Rule], trusted: bool) -> list[TagRef]:
    if not value:
        return []
    rule = synonym_for(value, TagType.FANDOM, rules)
    if rule is not None:
        return [TagRef(TagType.FANDOM, rule.target, value, "user rule: synonym")]
    whole = _fandom(value, kb)
    if whole is not None:
        return [_known(value, whole.name)]
    parts = [p.strip() for p in _CROSSOVER_SPLIT.split(value) if p and p.strip()]
    known = [_fandom(p, kb) for p in parts]
    if len(parts) > 1 and all(known):
        return [_known(p, f.name) for p, f in zip(parts, known, strict=True) if f is not None]
    if len(parts) > 1 and any(known) and not trusted and _CROSSOVER_MARK.search(value):
        # "Harry Potter/Some Webcomic crossover": the fandoms we know, and the rest as written
        return [
            _known(p, f.name) if f is not None else _unknown(p, trusted)
            for p, f in zip(parts, known, strict=True)
        ]
    return [_unknown(value, trusted)]


def _fandom(written: str, kb: KnowledgeBase) -> Fandom | None:
    """The fandom ``written`` names, also with a medium in brackets AO3 would not write
    ("Naruto (anime)", "Sherlock [BBC]") when only that makes it known."""
    found = kb.fandom(written)
    if found is None:
        base, asides = split_asides(written)
        if asides and base:
            found = kb.fandom(base)
    return found


def _unknown(written: str, trusted: bool) -> TagRef:
    how = "AO3 tag" if trusted else "unknown: kept as written"
    return TagRef(TagType.FANDOM, written, written, how, known=trusted)


def _known(written: str, canonical: str) -> TagRef:
    how = "canonical fandom" if written == canonical else f"fandom alias: {written}"
    return TagRef(TagType.FANDOM, canonical, written, how)


def infer_fandoms(evidence: Sequence[Evidence]) -> list[TagRef]:
    """Fandoms that explain the written names; empty when nothing is clear enough."""
    remaining = [e for e in evidence if e.fandoms]
    chosen: list[TagRef] = []
    while remaining:
        votes = Counter(f for e in remaining for f in e.fandoms)
        top = max(votes.values())
        best = sorted(f for f, count in votes.items() if count == top)
        if len(best) > 1 and not all(_sole_claims(f, remaining) >= top for f in best):
            central = _clearly_more_central(best, remaining)
            if central is None:
                break  # a tie between fandoms nobody names outright: do not guess
            best = [central]
        if chosen and top < _MIN_SECOND_FANDOM_VOTES and not _sole_claims(best[0], remaining):
            break
        for fandom in best:
            explained = [e.written for e in remaining if fandom in e.fandoms]
            how = "inferred from characters: " + ", ".join(dict.fromkeys(explained))
            chosen.append(TagRef(TagType.FANDOM, fandom, "", how))
        remaining = [e for e in remaining if not e.fandoms & set(best)]
    return chosen


def _clearly_more_central(fandoms: Sequence[str], evidence: Sequence[Evidence]) -> str | None:
    """Of fandoms the names fit equally, the one where they are its leads, when that is clear:
    "Merlin/Arthur" are the two leads of Merlin, and an extra and a father in Harry Potter."""
    depth = {f: sum(e.standing.get(f, 1.0) for e in evidence if f in e.fandoms) for f in fandoms}
    ranked = sorted(fandoms, key=lambda f: depth[f])
    first, second = depth[ranked[0]], depth[ranked[1]]
    if second - first >= _CLEARLY_MORE_CENTRAL and first <= second * _AT_MOST_OF_THE_OTHER:
        return ranked[0]
    return None


def _sole_claims(fandom: str, evidence: Sequence[Evidence]) -> int:
    return sum(1 for e in evidence if e.fandoms == frozenset({fandom}))

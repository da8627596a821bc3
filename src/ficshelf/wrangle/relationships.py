"""Relationships: split lists of pairings, read each pairing, and name it canonically.

"A/B and C/D", "A x B, C+D; E & F" are lists; "/", " x ", "X" between names, "+" and a heart
are romantic, "&" is platonic. Portmanteaus ("Drarry") come from a table, else from a generic
splitter that matches name prefixes within one fandom ("KakaIru" = Kaka(shi) + Iru(ka)).
Numeric pairings ("1x2", "2x1x2") use the fandom's numbered cast (Gundam Wing pilots). The
canonical form lists canonical character names alphabetically: "Iruka/Kakashi" -> "Hatake
Kakashi/Umino Iruka".
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ficshelf.vocab import category_from, fold
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, Portmanteau
from ficshelf.wrangle.names import split_asides
from ficshelf.wrangle.pairing_forms import (
    glued_by_x,
    names_listed,
    run_together,
    ship_among_words,
    side_by_side,
    slashed_ship_among_words,
    worn_ship,
)
from ficshelf.wrangle.ship_scripts import initials_people, written_ship
from ficshelf.wrangle.written import TAG_KIND_SUFFIX, inside_brackets

_LIST = re.compile(r"\s*[,;\n]\s*")
_AND = re.compile(r"\s+(?:and|und|et|e|и)\s+", re.IGNORECASE)
_ROMANTIC = re.compile(
    r"\s*/\s*|\s+[xX×]\s+|\s*\+\s*|\s*[♥❤♡💕]\ufe0f?\s*|(?<=[a-z])X(?=[A-Z])"
    r"|(?<=\d)\s*[xX×]\s*(?=\d)"
)
_PLATONIC = re.compile(r"\s*&\s*")
_NUMBER = re.compile(r"^0*(\d{1,2})$")
_CAMEL = re.compile(r"[A-Z][a-z]+")
_MIN_PART = 3
# Words around a pairing that say how it appears, not who is in it: "past Hinny",
# "Drarry-ish", "Harry/Draco slash", "mentions of Ron/Hermione".
_BEFORE_A_SHIP = re.compile(
    r"^(?:(?:past|implied|eventual|eventually|background|mentioned|mentions?\s+of|hints?\s+of|"
    r"minor|one[\s-]sided|slight|possible|side|future|former|unrequited|pre)[\s!:-]+)+",
    re.IGNORECASE,
)
_AROUND_A_SHIP = re.compile(r"(?:[\s-]*\b(?:ish|slash|het|femslash|friendship))+$", re.IGNORECASE)
_AS_FRIENDS = re.compile(r"\bfriendship\s*$|\bplatonic\b", re.IGNORECASE)
_NO_PAIRING = frozenset({fold(w) for w in ("none", "no pairing", "no pairings", "n/a", "gen")})


@dataclass(frozen=True, slots=True)
class Pairing:
    """One pairing as written: its people (written names) and whether it is romantic.

    ``members`` is set instead of ``people`` when the knowledge base already named them
    (a portmanteau or a numeric pairing), with ``fandom`` the fandom that did.
    """

    written: str
    people: tuple[str, ...]
    romantic: bool
    members: tuple[str, ...] = ()
    fandom: str | None = None
    how: str = ""


def split_pairings(text: str) -> list[str]:
    """A header value into single pairings ("A/B and C/D; E & F" -> three)."""
    pieces: list[str] = []
    for chunk in _LIST.split(unicodedata.normalize("NFKC", text)):  # "A/B，C/D"
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        parts = _AND.split(chunk)
        if len(parts) > 1 and all(_has_separator(p) for p in parts):
            pieces.extend(parts)
        else:
            pieces.append(chunk)
    return pieces


def _has_separator(text: str) -> bool:
    return bool(_ROMANTIC.search(text) or _PLATONIC.search(text))


def read_pairing(written: str, kb: KnowledgeBase, context: frozenset[str]) -> Pairing | None:
    """One pairing's people; None when the text says there is no pairing ("none", "gen").
    A pairing called a friendship ("tom harry friendship") or platonic is platonic whatever
    joins it."""
    text = unicodedata.normalize("NFKC", written).strip()  # "Draco Malfoy／Harry Potter"
    if fold(text) in _NO_PAIRING or category_from(text) is not None:
        return None
    text = TAG_KIND_SUFFIX.sub("", text).strip() or text  # "Drarry - Relationship"
    text = inside_brackets(_BEFORE_A_SHIP.sub("", text)) or text  # "past (ginny/harry)"
    base, _asides = split_asides(text)
    pairing = _read_base(written, base, kb, context)
    if pairing is not None and len(pairing.people) == 1:
        pairing = _friends(pairing, kb, context) or pairing
    if pairing is not None and pairing.romantic and _AS_FRIENDS.search(base):
        return dataclasses.replace(pairing, romantic=False)
    return pairing


def _read_base(
    written: str, base: str, kb: KnowledgeBase, context: frozenset[str]
) -> Pairing | None:
    """The pairing a tag names once its suffix and asides are set aside."""
    base = _AROUND_A_SHIP.sub("", _BEFORE_A_SHIP.sub("", base)).strip() or base
    if kb.portmanteau(base):  # initials the fandom uses for a pairing ("H/D")
        return portmanteau(base, kb, context, written)
    if _ROMANTIC.search(base) and (ship := slashed_ship_among_words(base, kb, context)):
        return _ship(written, ship, f"ship name among words ({ship.fandom})")  # "wip H/D"
    if _ROMANTIC.search(base):
        people = tuple(p for p in _ROMANTIC.split(base) if p.strip())
        return _numeric(written, people, kb, context) or _slashed(written, people, kb, context)
    if _PLATONIC.search(base):
        people = tuple(p for p in _PLATONIC.split(base) if p.strip())
        return Pairing(written, tuple(dict.fromkeys(people)), romantic=False)
    parts = _with_names_side_by_side(_AND.split(base), kb, context)
    if len(parts) == 2:
        return Pairing(written, tuple(parts), romantic=True, how="'and' read as a pairing")
    if len(parts) > 2 and names_listed(parts, kb, context):
        return Pairing(written, tuple(parts), romantic=True, how="'and' list read as one group")
    if glued := glued_by_x(base, kb, context):
        return Pairing(written, glued, romantic=True, how="two names glued by an 'x'")
    return (
        portmanteau(base, kb, context, written)
        or _without_separator(written, base, kb, context)
        or Pairing(written, (base,), romantic=True)
    )


def _friends(pairing: Pairing, kb: KnowledgeBase, context: frozenset[str]) -> Pairing | None:
    """ "Golden Trio Friendship": a group of friends written as a relationship is the
    friendship of its members, as the fandom file lists them."""
    group = resolver_for(kb).resolve(pairing.people[0], context).character
    fandom = kb.fandom_named(group.fandom) if group is not None else None
    if group is None or fandom is None or not fandom.group_members.get(group.name):
        return None
    members, how = fandom.group_members[group.name], f"a group of friends: {group.name}"
    return Pairing(pairing.written, (), False, members, fandom.name, how)


def _with_names_side_by_side(
    parts: list[str], kb: KnowledgeBase, context: frozenset[str]
) -> list[str]:
    """The names of an "and" list, one missing its comma read as two ("Harry Ron and
    Hermione"); only in a list, where "and" already says the tag joins people."""
    if len(parts) < 2:
        return parts
    names: list[str] = []
    for part in parts:
        names.extend(side_by_side(part, kb, context) or (part,))
    return names


def _without_separator(
    written: str, base: str, kb: KnowledgeBase, context: frozenset[str]
) -> Pairing | None:
    """The forms fans write with no separator between the people and no ship name alone:
    names set side by side, a ship name among other words or worn by typing."""
    if named := side_by_side(base, kb, context):
        return Pairing(written, named, romantic=True, how="two names side by side")
    if ship := ship_among_words(base, kb, context):
        return _ship(written, ship, f"ship name among words ({ship.fandom})")
    names_someone = resolver_for(kb).resolve(base, context).character is not None
    if not names_someone and (ship := worn_ship(base, kb, context)):
        return _ship(written, ship, f"ship name mistyped or stretched ({ship.fandom})")
    return None


def _slashed(
    written: str, people: tuple[str, ...], kb: KnowledgeBase, context: frozenset[str]
) -> Pairing:
    """The people of "A/B", some maybe written as initials ("HP/Ginny", "гп/сс")."""
    if named := initials_people(people, kb, context):
        fandom = next(iter(context)) if len(context) == 1 else None
        return Pairing(written, (), True, named, fandom, "initials read as names")
    return Pairing(written, tuple(dict.fromkeys(people)), romantic=True)


def _ship(written: str, ship: Portmanteau, how: str) -> Pairing:
    return Pairing(written, (), True, ship.members, ship.fandom, how)


def _numeric(
    written: str, people: tuple[str, ...], kb: KnowledgeBase, context: frozenset[str]
) -> Pairing | None:
    numbers = [_NUMBER.match(p.strip()) for p in people]
    if not all(numbers):
        return None
    keys = list(dict.fromkeys(m.group(1) for m in numbers if m))
    fandoms = [f for f in kb.fandoms if f.numbers and all(k in f.numbers for k in keys)]
    in_context = [f for f in fandoms if f.name in context] or fandoms
    if len(in_context) != 1:
        return None
    fandom = in_context[0]
    members = tuple(fandom.numbers[k] for k in keys)
    return Pairing(written, (), True, members, fandom.name, f"numeric pairing in {fandom.name}")


def portmanteau(
    word: str, kb: KnowledgeBase, context: frozenset[str], written: str | None = None
) -> Pairing | None:
    """A ship name: from the table, else split into two name prefixes of one fandom.
    ``written`` is the tag it was read from, if more than the ship name ("past Hinny")."""
    written = word if written is None else written
    word = word.strip()
    ships = kb.portmanteau(word)
    chosen = [s for s in ships if s.fandom in context] or list(ships)
    if len(chosen) == 1:
        return _ship(written, chosen[0], f"ship name in knowledge base ({chosen[0].fandom})")
    if not ships and (ship := written_ship(word, kb, context)):
        return _ship(written, ship, f"ship name in another script or initials ({ship.fandom})")
    if " " in word or not word.isalpha():
        return None
    return _split_portmanteau(written, word, kb, context)


def _split_portmanteau(
    written: str, word: str, kb: KnowledgeBase, context: frozenset[str]
) -> Pairing | None:
    """Two names run together, else two name prefixes of one fandom. Name prefixes of the
    fandom in context rule out every other fandom's, even when they fit several of its
    characters: "HarDra" in Harry Potter is not read as two Marvel names."""
    if named := run_together(word, kb, context):
        members = (named[0].name, named[1].name)
        fandom = named[0].fandom
        return Pairing(written, (), True, members, fandom, f"two names run together ({fandom})")
    camel = _CAMEL.findall(word)
    if len(camel) == 2 and "".join(camel) == word:
        splits = [(camel[0], camel[1])]
    else:
        splits = [(word[:i], word[i:]) for i in range(_MIN_PART, len(word) - _MIN_PART + 1)]
    found = [hit for first, second in splits for hit in _prefix_candidates(first, second, kb)]
    in_context = [hit for hit in found if hit[0] in context] or found
    readings = {(f, pair) for f, one, two in in_context if (pair := _one_each(kb, one, two))}
    if len(readings) != 1:
        return None
    fandom, members = readings.pop()
    how = f"ship name split into name prefixes ({fandom})"
    return Pairing(written, (), True, members, fandom, how)


def _prefix_candidates(
    first: str, second: str, kb: KnowledgeBase
) -> Iterable[tuple[str, frozenset[int], frozenset[int]]]:
    """Per fandom, its characters whose names begin with ``first`` and with ``second``."""
    index = kb.index
    one = index.prefixes.get(first.casefold(), frozenset())
    two = index.prefixes.get(second.casefold(), frozenset())
    by_fandom: dict[str, tuple[set[int], set[int]]] = {}
    for i in one:
        by_fandom.setdefault(index.characters[i].fandom, (set(), set()))[0].add(i)
    for i in two:
        if index.characters[i].fandom in by_fandom:
            by_fandom[index.characters[i].fandom][1].add(i)
    for fandom, (firsts, seconds) in by_fandom.items():
        if seconds:
            yield fandom, frozenset(firsts), frozenset(seconds)


def _one_each(
    kb: KnowledgeBase, firsts: frozenset[int], seconds: frozenset[int]
) -> tuple[str, str] | None:
    """The two names when each prefix fits one character, and not the same one."""
    if len(firsts) != 1 or len(seconds) != 1 or firsts == seconds:
        return None
    characters = kb.index.characters
    return characters[next(iter(firsts))].name, characters[next(iter(seconds))].name


def canonical_name(names: Iterable[str], romantic: bool) -> str:
    """Names in alphabetical order joined by "/" (romantic) or " & " (platonic)."""
    ordered = sorted(dict.fromkeys(names), key=str.casefold)
    return ("/" if romantic else " & ").join(ordered)


def sensible_case(name: str) -> str:
    """Keep a written name, but capitalise an all-lower-case one ("harry" -> "Harry")."""
    name = " ".join(name.split())
    return name.title() if name.islower() else name

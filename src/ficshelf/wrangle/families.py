"""Families: which member of a family a name means when it names the family but not the
person, read from the fandom files' family names and kin.

- the head of a family: "Mr Lupin" is Lyall, "Lord Nott" is Nott Sr., "Dowager Longbottom"
  is Augusta (the eldest generation that has children in the family, by the title's gender);
- a renamed member: "Severina Snape" is Severus (a given name that begins like a member's),
  "Cordelia Zabini" is Mrs Zabini (the member known by no given name), "Hadrian Potter" is
  Harry (the member the fandom file says the family name means);
- a tie by kin: "Hugo Granger-Potter" is Hugo Weasley, whose mother is a Granger.

The tables are built once per knowledge base (``family_tables``); the readings are pure
functions over them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_PARENT_KINDS = frozenset({"mother", "father"})
_CHILD_KINDS = frozenset({"son", "daughter"})
_SPOUSE_KINDS = frozenset({"wife", "husband"})
# Kin whose family name a character may go by (a mother's maiden name, a spouse's name);
# a godfather's or a pet's does not count.
_FAMILY_KINDS = frozenset(
    {
        "mother",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "twin",
        "grandmother",
        "grandfather",
        "grandson",
        "granddaughter",
    }
)
_MIN_PREFIX = 3
_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class FamilyTables:
    """Per character id: its given-name keys and the family names of its kin; per family
    name key: the family's heads (the eldest generation with children in the family) and
    the characters whose kin bear it (Severus Snape for "Prince")."""

    given_of: Mapping[int, tuple[str, ...]]
    kin_families: Mapping[int, frozenset[str]]
    heads: Mapping[str, frozenset[int]]
    kin_of_family: Mapping[str, frozenset[int]]
    relatives: Mapping[int, frozenset[int]]


def family_tables(
    kin: Mapping[int, Iterable[tuple[str, int]]],
    given: Mapping[str, Iterable[int]],
    family: Mapping[str, Iterable[int]],
) -> FamilyTables:
    """The tables from each character's kin (kind, id) and the given and family name
    indexes (key -> ids)."""
    given_of: defaultdict[int, list[str]] = defaultdict(list)
    for key, ids in given.items():
        for i in ids:
            given_of[i].append(key)
    family_of: defaultdict[int, set[str]] = defaultdict(set)
    for key, ids in family.items():
        for i in ids:
            family_of[i].add(key)
    parents: defaultdict[int, set[int]] = defaultdict(set)
    spouses: defaultdict[int, set[int]] = defaultdict(set)
    kin_families: dict[int, frozenset[str]] = {}
    kin_of_family: defaultdict[str, set[int]] = defaultdict(set)
    for person, ties in kin.items():
        ties = tuple(ties)
        kin_families[person] = frozenset(
            f for kind, other in ties if kind in _FAMILY_KINDS for f in family_of[other]
        )
        for key in kin_families[person]:
            kin_of_family[key].add(person)
        for kind, other in ties:
            if kind in _PARENT_KINDS:
                parents[person].add(other)
            elif kind in _CHILD_KINDS:
                parents[other].add(person)
            elif kind in _SPOUSE_KINDS:
                spouses[person].add(other)
                spouses[other].add(person)
    heads = {
        key: _heads(frozenset(ids), parents, spouses)
        for key, ids in family.items()
        if len(set(ids)) > 1
    }
    return FamilyTables(
        given_of={i: tuple(sorted(keys)) for i, keys in given_of.items()},
        kin_families=kin_families,
        heads={key: ids for key, ids in heads.items() if ids},
        kin_of_family={key: frozenset(ids) for key, ids in kin_of_family.items()},
        relatives={
            person: frozenset(other for kind, other in ties if kind in _FAMILY_KINDS)
            for person, ties in ((p, tuple(t)) for p, t in kin.items())
        },
    )


def _heads(
    members: frozenset[int], parents: Mapping[int, set[int]], spouses: Mapping[int, set[int]]
) -> frozenset[int]:
    """The members with a child in the family whose generation is the eldest; one married
    into the family counts in the generation of their spouse."""
    depth: dict[int, int] = {}

    def descent(person: int, seen: frozenset[int]) -> int:
        """How many generations of the family stand above ``person``."""
        if person not in depth:
            above = [
                descent(p, seen | {person}) + 1
                for p in parents.get(person, ())
                if p in members and p not in seen
            ]
            depth[person] = max(above, default=0)
        return depth[person]

    def generation(person: int) -> int:
        married = [descent(s, frozenset()) for s in spouses.get(person, ()) if s in members]
        return max([descent(person, frozenset()), *married])

    with_children = {
        parent for child in members for parent in parents.get(child, ()) if parent in members
    }
    if not with_children:
        return _NONE
    eldest = min(generation(p) for p in with_children)
    return frozenset(p for p in with_children if generation(p) == eldest)


def head_of(members: frozenset[int], family: str, tables: FamilyTables) -> frozenset[int]:
    """ "Mr Lupin" among the male Lupins (``members``): the head of the family, if one."""
    heads = tables.heads.get(family, _NONE) & members
    return heads if len(heads) == 1 else _NONE


def common_prefix(a: str, b: str) -> int:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return size


def begins_alike(written: str, given: str) -> bool:
    """ "Severina" and "Severus", "Jameela" and "James", "Roxy" and "Roxanne": a shared
    beginning of three letters or more, at least half the shorter name (not "Jane" and
    "James"). "Charlotte" and "Charlus" begin alike too: the gender of a common given name
    tells them apart (see ``renamed_member``)."""
    size = common_prefix(written, given)
    return size >= _MIN_PREFIX and 2 * size >= min(len(written), len(given))


def alike_member(given: str, members: Iterable[int], tables: FamilyTables) -> frozenset[int]:
    """The members whose given name begins like ``given`` ("Severina" -> Severus)."""
    return frozenset(
        i for i in members if any(begins_alike(given, g) for g in tables.given_of.get(i, ()))
    )


def same_initial(given: str, members: Iterable[int], tables: FamilyTables) -> frozenset[int]:
    return frozenset(
        i for i in members if any(g[:1] == given[:1] for g in tables.given_of.get(i, ()))
    )


def renamed_member(
    given: str,
    members: frozenset[int],
    unnamed: frozenset[int],
    meant: frozenset[int],
    tables: FamilyTables,
    kin: frozenset[int] = _NONE,
    other_gender: frozenset[int] = _NONE,
) -> frozenset[int]:
    """Whom a given name no character has, before a family name, means among the family's
    ``members``: the one whose given name begins alike ("Severina Snape"; also among the
    family's ``kin``: "Severina Prince", Eileen Prince's son), though not one of
    ``other_gender``, of whom the name is commonly the other gender's ("Charlotte Potter" is
    no spelling of Charlus: a woman's name for a man is a gender-swap, and those are written
    of the family's main characters, found below), else the one known by no
    given name ("Cordelia Zabini": Blaise's mother), else of the one the fandom file says the
    family name means (``meant``) and his closest kin, the one with the same initial ("Jane
    Potter": James, Harry's father), else the one the family name means ("Hadrian Potter",
    "Cattleya Potter": not Charlus, whom no one writes of), else the family's only member if
    the initials agree ("Penny Pettigrew"; "Blake Slytherin" is someone else). The first step
    that finds anyone decides; the caller refuses several ("Jameela Potter" begins like both
    James Potter and James Sirius Potter) unless it can tell them apart."""
    sole = members if len(members) == 1 else _NONE
    close = meant.union(*(tables.relatives.get(i, _NONE) for i in meant))
    for found in (
        alike_member(given, (members | kin) - other_gender, tables),
        members & unnamed,
        same_initial(given, close & members, tables),
        meant,
        same_initial(given, sole, tables),
    ):
        if found:
            return found
    return _NONE


def rival_member(
    given: str, members: frozenset[int], dominant: frozenset[int], tables: FamilyTables
) -> frozenset[int]:
    """A family member a known given name from another family may stand for instead:
    "Hope Potter" may be Hope Lupin married, or Harry renamed (the family's main character,
    with the same initial). Used to refuse the given-name reading, never to choose."""
    alike = alike_member(given, members, tables)
    if alike:
        return alike
    return same_initial(given, dominant, tables)


def tied_by_kin(person: int, families: Iterable[str], tables: FamilyTables) -> bool:
    """Whether one of ``families`` is the family name of ``person``'s kin: "Hugo
    Granger-Potter" (his mother is a Granger), "Lorcan Lovegood"."""
    return not tables.kin_families.get(person, frozenset()).isdisjoint(families)

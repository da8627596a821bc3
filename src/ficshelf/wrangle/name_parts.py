"""Names by their parts: the given names and family names a character goes by, so that a
name made of one of each reads as that character though no one wrote it so before.

- given names: the canonical one, those of aliases that keep the family name ("Ronald
  Weasley"), and the fandom file's fanon given names ("Hadrian", "Harriet" for Harry);
- family names: the canonical one, those of aliases that keep the given name ("Lily
  Evans"), those of the character's kin (Rose Weasley's mother is a Granger; a parent's
  other names count too, of a spouse only the canonical family name) and the
  fandom file's fanon family names (Harry as a Black, a Peverell, a Snape);
- middle names: the words between the two in the canonical name and the aliases, and the
  given names of the kin a character may be named after (a parent, a godparent).

A written name matches a character part by part (``match_parts``): each word exactly, or,
when asked, by its beginning ("james pot") or with a typo or two ("roneld wesly"). The
characters with the fewest edits win; the caller refuses a tie. The tables are built once
per knowledge base (``parts_table``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ficshelf.wrangle.names import name_key

# Kin whose every family name a character may bear (a mother's maiden name) and kin whose
# canonical family name only (a spouse's: "Harry Weasley").
_ELDER_KINDS = frozenset({"mother", "father", "grandmother", "grandfather"})
_CLOSE_KINDS = frozenset({"wife", "husband"})
# Kin a character may be named after: their given names may stand as middle names ("Holly
# Lily Potter", "Harry Sirius Potter").
_NAMESAKE_KINDS = frozenset(
    {"mother", "father", "grandmother", "grandfather", "godfather", "godmother", "uncle", "aunt"}
)
_GENERATION = frozenset({"jr", "sr", "jnr", "snr", "junior", "senior", "i", "ii", "iii", "iv"})
_MIN_PART = 2
_MIN_PREFIX = 3
_LONG_PAIR = (5, 6)
_MAX_WORDS = 4
_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Person:
    """What ``parts_table`` needs of one character: its canonical name and aliases, the
    fandom file's fanon names and its kin as (kind, id). Groups are left out by the caller."""

    position: int
    name: str
    aliases: tuple[str, ...]
    fanon_given: tuple[str, ...]
    fanon_families: tuple[str, ...]
    kin: tuple[tuple[str, int], ...]
    family_name_first: bool


@dataclass(frozen=True, slots=True)
class NameParts:
    """Per character id, the given, middle and family names it goes by and its canonical
    family name (``surname``); per word, the ids that go by it as a given or a family name."""

    given: Mapping[int, frozenset[str]]
    middle: Mapping[int, frozenset[str]]
    family: Mapping[int, frozenset[str]]
    surname: Mapping[int, str]
    by_given: Mapping[str, frozenset[int]]
    by_family: Mapping[str, frozenset[int]]
    given_words: tuple[str, ...]
    family_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartsMatch:
    """The characters a name matched with the fewest edits, and how many edits that took."""

    ids: frozenset[int]
    edits: int


def parts_table(people: Iterable[Person]) -> NameParts:
    """The tables from every person's names, fanon names and kin."""
    people = list(people)
    own_given: dict[int, set[str]] = {}
    own_family: dict[int, set[str]] = {}
    canonical_family: dict[int, set[str]] = {}
    middle: dict[int, set[str]] = {}
    for person in people:
        given, family, middles = _own_parts(person)
        own_given[person.position] = given
        canonical_family[person.position] = set(family[:1])
        own_family[person.position] = set(family)
        middle[person.position] = middles
    given_of: dict[int, frozenset[str]] = {}
    family_of: dict[int, frozenset[str]] = {}
    for person in people:
        i = person.position
        for kind, other in person.kin:
            if kind in _NAMESAKE_KINDS:
                middle[i] = middle[i] | own_given.get(other, set())
        families = set(own_family[i])
        for kind, other in person.kin:
            if kind in _ELDER_KINDS:
                families |= own_family.get(other, set())
            elif kind in _CLOSE_KINDS:
                families |= canonical_family.get(other, set())
        families |= {name_key(f) for f in person.fanon_families}
        given = own_given[i] | {name_key(g) for g in person.fanon_given}
        given_of[i] = frozenset(g for g in given if len(g) >= _MIN_PART)
        family_of[i] = frozenset(f for f in families if len(f) >= _MIN_PART)
    by_given = _inverted(given_of)
    by_family = _inverted(family_of)
    return NameParts(
        given={i: g for i, g in given_of.items() if g and family_of[i]},
        middle={i: frozenset(m) for i, m in middle.items() if m},
        family={i: f for i, f in family_of.items() if f and given_of[i]},
        surname={i: next(iter(f)) for i, f in canonical_family.items() if f},
        by_given=by_given,
        by_family=by_family,
        given_words=tuple(sorted(by_given)),
        family_words=tuple(sorted(by_family)),
    )


def _own_parts(person: Person) -> tuple[set[str], list[str], set[str]]:
    """Given names, family names (the canonical one first) and middle names of a person's
    own name and of the aliases that keep its given or its family name."""
    tokens = _name_tokens(person.name, person.family_name_first)
    if len(tokens) < 2:  # "Dobby", "Mrs Zabini": no given and family name to combine
        return set(), [], set()
    given, family = {tokens[0]}, [tokens[-1]]
    middles = set(tokens[1:-1])
    for alias in person.aliases:
        words = _name_tokens(alias, person.family_name_first)
        if not 2 <= len(words) <= _MAX_WORDS or not all(w.isalpha() for w in words):
            continue
        if words[0] in given and words[-1] not in family:
            family.append(words[-1])
        elif words[-1] in family and words[0] not in given:
            given.add(words[0])
        elif words[0] not in given or words[-1] not in family:
            continue
        middles.update(words[1:-1])
    return given, family, middles


def _name_tokens(name: str, family_name_first: bool) -> list[str]:
    """The words of a name, given name first, without a generation or an aside."""
    base = name.split("(", 1)[0]
    tokens = [t for t in name_key(base).split() if t not in _GENERATION]
    return tokens[::-1] if family_name_first and len(tokens) == 2 else tokens


def _inverted(table: Mapping[int, frozenset[str]]) -> dict[str, frozenset[int]]:
    found: defaultdict[str, set[int]] = defaultdict(set)
    for i, words in table.items():
        for word in words:
            found[word].add(i)
    return {word: frozenset(ids) for word, ids in found.items()}


def bearers(families: Iterable[str], parts: NameParts, allowed: frozenset[int]) -> frozenset[int]:
    """The characters in ``allowed`` who go by every one of ``families``: of the Potters and
    the Peverells, only Harry ("Aradia Potter-Peverell")."""
    found = allowed
    for family in families:
        found = found & parts.by_family.get(family, _NONE)
    return found


def allowed_edits(word: str, name: str) -> int:
    """Edits a written word may be from the name it stands for: none below three letters,
    one between short words, two when both have five letters or more and one has six ("wesly"
    is "weasley", "rom" is "ron"; "hal" is not "hala")."""
    if min(len(word), len(name)) < _MIN_PREFIX:
        return 0
    if min(len(word), len(name)) >= _LONG_PAIR[0] and max(len(word), len(name)) >= _LONG_PAIR[1]:
        return 2
    return 1


def match_parts(
    tokens: Sequence[str], parts: NameParts, allowed: frozenset[int], loose: bool
) -> PartsMatch | None:
    """The characters in ``allowed`` whose given name, middle names and family name(s)
    ``tokens`` are: "hadrian black", "aradia potter peverell" (each family name one the
    character goes by). ``loose`` lets a word be a typo of the name (first letter right) or
    the family name's beginning ("james pot"), each counted as edits."""
    if not 2 <= len(tokens) <= _MAX_WORDS or not all(t.isalpha() for t in tokens):
        return None
    first, rest = tokens[0], tokens[1:]
    costs: dict[int, int] = {}
    for word, edits in _near(first, parts.given_words, loose).items():
        for i in parts.by_given[word] & allowed:
            costs[i] = min(costs.get(i, edits), edits)
    scored: dict[int, int] = {}
    for i, given_edits in costs.items():
        total = given_edits
        for position, word in enumerate(rest):
            last = position == len(rest) - 1
            names = parts.family.get(i, frozenset())
            if not last:
                names = names | parts.middle.get(i, frozenset())
            word_edits = _edits(word, names, loose, prefix=last)
            if word_edits is None:
                break
            total += word_edits
        else:
            scored[i] = total
    if not scored:
        return None
    best = min(scored.values())
    return PartsMatch(frozenset(i for i, e in scored.items() if e == best), best)


def _near(word: str, choices: Sequence[str], loose: bool) -> dict[str, int]:
    """The choices within the edits ``word`` allows (itself at none)."""
    found = {word: 0} if word in choices else {}
    if not loose or len(word) < _MIN_PREFIX:
        return found
    for hit, distance, _ in process.extract(
        word, choices, scorer=OSA.distance, score_cutoff=2, limit=None
    ):
        if hit[0] == word[0] and distance <= allowed_edits(word, hit):
            found.setdefault(hit, int(distance))
    return found


def _edits(word: str, names: frozenset[str], loose: bool, prefix: bool) -> int | None:
    """The fewest edits from ``word`` to one of ``names`` (None if too many)."""
    if word in names:
        return 0
    if not loose:
        return None
    best: int | None = None
    if prefix and len(word) >= _MIN_PREFIX and any(n.startswith(word) for n in names):
        best = 1
    for name in names:
        limit = allowed_edits(word, name)
        if not limit or name[0] != word[0]:
            continue
        distance = OSA.distance(word, name, score_cutoff=limit)
        if distance <= limit:
            best = distance if best is None else min(best, distance)
    return best

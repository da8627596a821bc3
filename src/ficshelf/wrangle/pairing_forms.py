"""Relationship tags that no separator splits, read by whom their words name.

Fans write pairings in forms the separators of ``relationships`` miss: a ship name among
other words ("Slow Burn Drarry"), a ship name worn by typing ("drarrry", "Drary"), two names
glued by an "x" ("DracoxHarry"), set side by side ("draco harry") or run together
("HarryDraco"). A person's full name, an ordinary word or a name with an "x" in it looks
the same, so each form is read only when the fandom's ship names or the character resolver
say who is meant, and only when one reading is left.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from ficshelf.wrangle.characters import CharacterResolver, resolver_for
from ficshelf.wrangle.kb import Character, KnowledgeBase, Portmanteau
from ficshelf.wrangle.lookups import MIN_TYPO_LENGTH
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.ship_scripts import written_ship

# Where one word of a tag ends: "Angst!Drarry", "Drarry:mpreg", "OTP - Drarry".
_WORD_BREAK = re.compile(r"[\s!:-]+")
# An "x" between two letters, where fans glue two names: "DracoxHarry", "HPxGW".
_GLUED_X = re.compile(r"(?<=[^\W\d_])[xX](?=[^\W\d_])")
_HELD = re.compile(r"(.)\1+")
_CAMEL = re.compile(r"[A-Z][a-z]+")
_MIN_NAME = 3

People = tuple[str, ...]


def ship_among_words(text: str, kb: KnowledgeBase, context: frozenset[str]) -> Portmanteau | None:
    """The one ship name of the fandom in context that is a word of ``text`` ("Slow Burn
    Drarry", "Angst!Drarry"); None for two different ships, or with no fandom in context,
    where an ordinary word may be some other fandom's ship name."""
    words = [w for w in _WORD_BREAK.split(text) if w]
    if not context or len(words) < 2:
        return None
    found: dict[tuple[str, frozenset[str]], Portmanteau] = {}
    for ship in (s for w in words for s in _ships_named(w, kb, context)):
        found.setdefault((ship.fandom, frozenset(ship.members)), ship)
    return next(iter(found.values())) if len(found) == 1 else None


def slashed_ship_among_words(
    text: str, kb: KnowledgeBase, context: frozenset[str]
) -> Portmanteau | None:
    """``ship_among_words`` for a tag with a slash, when a slashed word is itself one of the
    fandom's initials ships ("wip HP/DM", "hp:h/d"); only then, since the words around a
    slash are mostly people's names, one of which may look like a ship ("Harmony Potter")."""
    slashed = (w for w in _WORD_BREAK.split(text) if "/" in w)
    if not any(s.fandom in context for w in slashed for s in kb.portmanteau(w)):
        return None
    return ship_among_words(text, kb, context)


def _ships_named(word: str, kb: KnowledgeBase, context: frozenset[str]) -> list[Portmanteau]:
    """The ships of the fandom in context a word names, from the table or, in another script
    or as initials, from the names the ship is made of ("德哈 drarry" names one ship)."""
    ships = [s for s in kb.portmanteau(word) if s.fandom in context]
    if ships or kb.portmanteau(word):
        return ships
    written = written_ship(word, kb, context)
    return [written] if written is not None else []


def worn_ship(word: str, kb: KnowledgeBase, context: frozenset[str]) -> Portmanteau | None:
    """The ship name of the fandom in context a word is a worn form of: letters held or
    dropped ("drarrry", "DRARRYYYY", "Drary"), else, in a word long enough for a slip to
    leave it recognisable, one letter off after the first ("Draary", "Drarr"): the first
    letter starts a name, so "Rarry" is not "Drarry". None when two ship names fit equally;
    the caller also asks only of a word that names no character."""
    if not context or not word.isalpha():
        return None
    key = word.casefold()
    ships = [s for s in kb.portmanteaus if s.fandom in context and s.word.isalpha()]
    held = {s for s in ships if _without_doubles(s.word.casefold()) == _without_doubles(key)}
    if held or len(key) < MIN_TYPO_LENGTH:
        return _only(held)
    near = {s for s in ships if len(s.word) >= MIN_TYPO_LENGTH and _one_off(key, s.word.casefold())}
    return _only({s for s in near if s.word[0].casefold() == key[0]})


def glued_by_x(text: str, kb: KnowledgeBase, context: frozenset[str]) -> People | None:
    """Two names glued by an "x" ("DracoxHarry", "Harry PotterxDraco Malfoy"): split at the
    one "x" with a character's name on either side, so "Maxwell" or "Xander" stay whole."""
    splits = ((text[: m.start()], text[m.end() :]) for m in _GLUED_X.finditer(text))
    return _one_reading(splits, kb, context)


def side_by_side(text: str, kb: KnowledgeBase, context: frozenset[str]) -> People | None:
    """Two names with only a space between them ("draco harry", "Ron Weasley Harry Potter"),
    when the whole names no one, every word belongs to someone's name (not "snape adopts
    harry") and the last word alone is no family name, which would make the whole one
    person's name ("Lily Slytherin", "Rose Potter")."""
    words = text.split()
    resolver = resolver_for(kb)
    if len(words) < 2 or not _names_no_one(text, resolver, context):
        return None
    if _starts_a_full_name(text, kb):  # "Harry James" of "Harry James Potter"
        return None
    if not all(name_key(w) in _name_words(kb) for w in words):
        return None
    cuts = range(1, len(words) - _family_name(words[-1], kb, context))
    evenest_first = sorted(cuts, key=lambda i: abs(len(words) - 2 * i))
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in evenest_first]
    return _one_reading(splits, kb, context)


def run_together(
    word: str, kb: KnowledgeBase, context: frozenset[str]
) -> tuple[Character, Character] | None:
    """Two whole names of the fandom in context run together ("HarryDraco", "harrytom"):
    the camel-case halves, else the one split into two names, each read as the resolver
    reads it in context ("Tom" is Tom Riddle, not Star Trek's Tom Paris)."""
    if not context:
        return None
    camel = _CAMEL.findall(word)
    if len(camel) == 2 and "".join(camel) == word:
        splits = [(camel[0], camel[1])]
    else:
        splits = [(word[:i], word[i:]) for i in range(_MIN_NAME, len(word) - _MIN_NAME + 1)]
    found = {
        pair
        for first, second in splits
        if (pair := _two_people(first, second, resolver_for(kb), context))
        and all(c.fandom in context for c in pair)
    }
    return found.pop() if len(found) == 1 else None


def names_listed(parts: Sequence[str], kb: KnowledgeBase, context: frozenset[str]) -> bool:
    """Whether every part of "A and B and C" names a different character."""
    resolver = resolver_for(kb)
    found = [resolver.resolve(p, context).character for p in parts]
    return all(found) and len({c.name for c in found if c}) == len(parts)


def _one_reading(
    splits: Iterable[tuple[str, str]], kb: KnowledgeBase, context: frozenset[str]
) -> People | None:
    """The first split whose halves name two different people, if one pair is named."""
    resolver = resolver_for(kb)
    found: dict[tuple[Character, Character], People] = {}
    for first, second in splits:
        first, second = first.strip(), second.strip()
        pair = _two_people(first, second, resolver, context)
        if pair is not None:
            found.setdefault(pair, (first, second))
    return next(iter(found.values())) if len(found) == 1 else None


def _two_people(
    first: str, second: str, resolver: CharacterResolver, context: frozenset[str]
) -> tuple[Character, Character] | None:
    if min(len(first), len(second)) < _MIN_NAME:
        return None
    one = resolver.resolve(first, context).character
    two = resolver.resolve(second, context).character
    if one is None or two is None or one == two:
        return None
    return one, two


def _names_no_one(text: str, resolver: CharacterResolver, context: frozenset[str]) -> bool:
    """Not one character's name, nor one that could be several people's."""
    match = resolver.resolve(text, context)
    return match.character is None and not match.how.startswith("ambiguous")


def _starts_a_full_name(text: str, kb: KnowledgeBase) -> bool:
    """Whether ``text`` is the first words of someone's full name or alias."""
    keys = _full_names(kb)
    start = name_key(text) + " "
    at = bisect.bisect_left(keys, start)
    return at < len(keys) and keys[at].startswith(start)


def _family_name(word: str, kb: KnowledgeBase, context: frozenset[str]) -> bool:
    index = kb.index
    owners = index.family.get(name_key(word), frozenset())
    return any(not context or index.characters[i].fandom in context for i in owners)


_FULL_NAMES: weakref.WeakKeyDictionary[KnowledgeBase, list[str]] = weakref.WeakKeyDictionary()


def _full_names(kb: KnowledgeBase) -> list[str]:
    """Every name and alias without its asides ("Tom (Harry Potter Innkeeper)" is "tom"), as
    name keys sorted to look up by their first words."""
    keys = _FULL_NAMES.get(kb)
    if keys is None:
        names = (n for c in kb.characters for n in (c.name, *c.aliases))
        keys = sorted({name_key(split_asides(n)[0]) for n in names})
        _FULL_NAMES[kb] = keys
    return keys


_NAME_WORDS: weakref.WeakKeyDictionary[KnowledgeBase, frozenset[str]] = weakref.WeakKeyDictionary()


def _name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of any character's name or alias, as name keys."""
    words = _NAME_WORDS.get(kb)
    if words is None:
        index = kb.index
        tables = (index.strong, index.weak, index.given, index.family)
        words = frozenset(w for table in tables for key in table for w in key.split())
        _NAME_WORDS[kb] = words
    return words


def _without_doubles(word: str) -> str:
    return _HELD.sub(r"\1", word)


def _one_off(a: str, b: str) -> bool:
    """Whether one letter changed, added or dropped turns ``a`` into ``b``."""
    return Levenshtein.distance(a, b, score_cutoff=1) == 1


def _only(ships: set[Portmanteau]) -> Portmanteau | None:
    return next(iter(ships)) if len(ships) == 1 else None

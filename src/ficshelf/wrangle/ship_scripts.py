"""Ship names written in another script or as initials, read from the knowledge base.

Chinese fans name a pairing by one character of each partner's Chinese name, top first
("德哈": 德拉科 Draco and 哈利 Harry); Russian fans transliterate the Latin ship name
("снарри" is Snarry); many write the partners' initials ("HPTMR", "гп/сс"). None of these
can be listed for every fandom, but the fandom files already hold the names they are made
of ("HPDM" needs nothing here: it folds to the table's "HP/DM"). Each form is read only
within the fandom in context and only when one reading is left: a character that begins two
comparably central characters' Chinese names is not guessed, unless just one of the pairs it
could make is a ship the fandom names.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import product

from ficshelf.wrangle.characters import clear_lead, resolver_for
from ficshelf.wrangle.english import ordinary_word
from ficshelf.wrangle.kb import Character, KnowledgeBase, Portmanteau
from ficshelf.wrangle.lookups import MIN_TYPO_LENGTH
from ficshelf.wrangle.names import name_key, sound_key, split_asides

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# What parts a Chinese transliteration of a Western name: "哈利·波特".
_NAME_DOT = re.compile(r"[·・‧•．]")
_INITIALS = re.compile(r"[^\W\d_]{2,4}")
# Capital initials of two people run together, maybe glued by an "x": "HPGW", "HPxGW".
_GLUED_INITIALS = re.compile(r"([A-Z]{2,4})x?([A-Z]{2,4})")

Pair = tuple[Character, Character]
# Per fandom, the characters (ids) each key stands for.
_Owners = Mapping[str, Mapping[str, frozenset[int]]]


def written_ship(word: str, kb: KnowledgeBase, context: frozenset[str]) -> Portmanteau | None:
    """The ship of the fandom in context one word names in a form no table lists: Chinese
    ("德哈"), transliterated ("снарри") or two people's initials run together ("HPxGW")."""
    if not context or not word:
        return None
    return (
        han_ship(word, kb, context)
        or transliterated_ship(word, kb, context)
        or glued_initials(word, kb, context)
    )


def han_ship(word: str, kb: KnowledgeBase, context: frozenset[str]) -> Portmanteau | None:
    """Two Chinese characters, each beginning one partner's Chinese name in the fandom in
    context ("德哈", "斯哈"); not a word that is itself someone's name ("赫敏")."""
    if len(word) != 2 or not _HAN.fullmatch(word):
        return None
    if resolver_for(kb).resolve(word, context).character is not None:
        return None
    found: set[Portmanteau] = set()
    for fandom in context:
        owners = _han_initials(kb).get(fandom, {})
        firsts, seconds = owners.get(word[0], ()), owners.get(word[1], ())
        if (pair := _one_pair(kb, fandom, firsts, seconds)) is not None:
            found.add(_as_ship(word, pair))
    return found.pop() if len(found) == 1 else None


def transliterated_ship(
    word: str, kb: KnowledgeBase, context: frozenset[str]
) -> Portmanteau | None:
    """A ship name of the fandom in context written in another script, which sounds like the
    Latin one ("снарри", "драрри"): the table need not list every script's spelling."""
    if word.isascii() or not word.isalpha() or len(word) < MIN_TYPO_LENGTH:
        return None
    key = sound_key(word)
    found = {
        (s.fandom, _members(s))
        for s in kb.portmanteaus
        if s.fandom in context and s.word.isalpha() and sound_key(s.word) == key
    }
    return _ship_of(word, found)


def glued_initials(word: str, kb: KnowledgeBase, context: frozenset[str]) -> Portmanteau | None:
    """Two people's capital initials run together ("HPGW", "HPxGW", "HPTMR", "LVHP"), when
    one cut leaves one pair, read as Chinese ship names are (initials shared by two central
    characters settled only by a ship the fandom names). Capitals only: a lower-case word is
    more likely a word."""
    if (glued := _GLUED_INITIALS.fullmatch(word)) is None:
        return None
    letters = glued.group(1) + glued.group(2)
    cuts = [len(glued.group(1))] if "x" in word else range(2, len(letters) - 1)
    found: set[Portmanteau] = set()
    for cut, fandom in product(cuts, context):
        firsts = _initials_owners(letters[:cut], kb, fandom)
        seconds = _initials_owners(letters[cut:], kb, fandom)
        if (pair := _one_pair(kb, fandom, firsts, seconds)) is not None:
            found.add(_as_ship(word, pair))
    return found.pop() if len(found) == 1 else None


def initials_people(
    people: Sequence[str], kb: KnowledgeBase, context: frozenset[str]
) -> tuple[str, ...] | None:
    """The characters of a slashed pairing some of whose people are written as initials
    ("HP/BZ", "гп/сс"): a part is read as initials when in capitals, or when every part is
    that short (lower-case "гп/сс"), and never when it is an ordinary word ("me/harry")."""
    parts = [p.strip() for p in people]
    shaped = [bool(_INITIALS.fullmatch(p)) for p in parts]
    if not context or not any(shaped):
        return None
    all_short = all(shaped)
    resolver = resolver_for(kb)
    found: list[Character] = []
    for part, short in zip(parts, shaped, strict=True):
        character = resolver.resolve(part, context).character
        if character is None and short and _may_be_initials(part, all_short):
            character = initials_of(part, kb, context)
        if character is None:
            return None
        found.append(character)
    names = tuple(dict.fromkeys(c.name for c in found))
    return names if len(names) == len(parts) else None


def _may_be_initials(part: str, all_short: bool) -> bool:
    return (part.isupper() or all_short) and not ordinary_word(part.casefold())


def initials_of(letters: str, kb: KnowledgeBase, context: frozenset[str]) -> Character | None:
    """The one character of the fandom in context whose full name or an alias has these
    initials ("TMR": Tom Marvolo Riddle), or who goes by them ("LV"); of several, the lead,
    when the others are far down the cast."""
    ids = {i for fandom in context for i in _initials_owners(letters, kb, fandom)}
    found = [kb.index.characters[i] for i in sorted(ids)]
    if len(found) == 1:
        return found[0]
    return clear_lead(kb, found) if found else None


def _initials_owners(letters: str, kb: KnowledgeBase, fandom: str) -> frozenset[int]:
    """Who in ``fandom`` goes by these initials ("SS" is an alias of Snape's), else whose
    names have them (Ginny and George Weasley are both "GW")."""
    key = letters.casefold()
    explicit, derived = _initials(kb)
    return explicit.get(fandom, {}).get(key) or derived.get(fandom, {}).get(key, frozenset())


def _one_pair(
    kb: KnowledgeBase, fandom: str, firsts: Iterable[int], seconds: Iterable[int]
) -> Pair | None:
    """The one pair the two sides can make: each side narrowed to its clear lead, else the
    one pair that is a ship the fandom names."""
    sides = [_narrowed(kb, ids) for ids in (firsts, seconds)]
    pairs = {(a, b) for a, b in product(*sides) if a != b}
    if len(pairs) > 1:
        known = _known_pairs(kb).get(fandom, frozenset())
        pairs = {p for p in pairs if frozenset(c.name for c in p) in known}
    return pairs.pop() if len(pairs) == 1 else None


def _narrowed(kb: KnowledgeBase, ids: Iterable[int]) -> tuple[Character, ...]:
    found = tuple(kb.index.characters[i] for i in sorted(ids))
    lead = clear_lead(kb, found) if len(found) > 1 else None
    return (lead,) if lead is not None else found


def _members(ship: Portmanteau) -> tuple[str, ...]:
    return tuple(sorted(ship.members))


def _as_ship(word: str, pair: Pair) -> Portmanteau:
    return Portmanteau(word, pair[0].fandom, tuple(sorted(c.name for c in pair)))


def _ship_of(word: str, found: set[tuple[str, tuple[str, ...]]]) -> Portmanteau | None:
    """The one pairing found, by fandom and members, as a ship named ``word``."""
    if len(found) != 1:
        return None
    fandom, members = found.pop()
    return Portmanteau(word, fandom, members)


_HAN_INITIALS: weakref.WeakKeyDictionary[KnowledgeBase, _Owners] = weakref.WeakKeyDictionary()


def _han_initials(kb: KnowledgeBase) -> _Owners:
    """Per fandom, the characters each Chinese character begins a name of: a one-word Chinese
    name ("斯内普", "跩哥"), else the given name before the dot ("汤姆·里德尔"); a family name
    after it would make every Malfoy a "马"."""
    table = _HAN_INITIALS.get(kb)
    if table is None:
        found: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for position, character in enumerate(kb.index.characters):
            for alias in (character.name, *character.aliases):
                if _HAN.match(alias) and _HAN.fullmatch(_NAME_DOT.sub("", alias)):
                    found[character.fandom][alias[0]].add(position)
        table = _frozen(found)
        _HAN_INITIALS[kb] = table
    return table


_INITIALS_TABLE: weakref.WeakKeyDictionary[KnowledgeBase, tuple[_Owners, _Owners]] = (
    weakref.WeakKeyDictionary()
)


def _initials(kb: KnowledgeBase) -> tuple[_Owners, _Owners]:
    """Per fandom, the characters each run of initials stands for, folded: first those with
    an alias that is itself capital initials ("LV"), then those with a name or alias of two
    to four words that has them ("Tom Marvolo Riddle"; "Гарри Поттер")."""
    tables = _INITIALS_TABLE.get(kb)
    if tables is None:
        explicit: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(
            lambda: defaultdict(set)
        )
        derived: defaultdict[str, defaultdict[str, set[int]]] = defaultdict(
            lambda: defaultdict(set)
        )
        for position, character in enumerate(kb.index.characters):
            for alias in (character.name, *character.aliases):
                if _INITIALS.fullmatch(alias) and alias.isupper():
                    explicit[character.fandom][alias.casefold()].add(position)
                elif key := _initials_key(alias):
                    derived[character.fandom][key].add(position)
        tables = (_frozen(explicit), _frozen(derived))
        _INITIALS_TABLE[kb] = tables
    return tables


def _initials_key(name: str) -> str:
    """The initials of a name of two to four words, without its asides; else ""."""
    words = name_key(split_asides(name)[0]).split()
    if 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
        return "".join(w[0] for w in words)
    return ""


def _frozen(table: Mapping[str, Mapping[str, set[int]]]) -> _Owners:
    return {f: {k: frozenset(v) for k, v in m.items()} for f, m in table.items()}


_KNOWN_PAIRS: weakref.WeakKeyDictionary[KnowledgeBase, Mapping[str, frozenset[frozenset[str]]]]
_KNOWN_PAIRS = weakref.WeakKeyDictionary()


def _known_pairs(kb: KnowledgeBase) -> Mapping[str, frozenset[frozenset[str]]]:
    """Per fandom, the pairs of characters its ship names name."""
    table = _KNOWN_PAIRS.get(kb)
    if table is None:
        found: defaultdict[str, set[frozenset[str]]] = defaultdict(set)
        for ship in kb.portmanteaus:
            if len(ship.members) == 2:
                found[ship.fandom].add(frozenset(ship.members))
        table = {f: frozenset(pairs) for f, pairs in found.items()}
        _KNOWN_PAIRS[kb] = table
    return table

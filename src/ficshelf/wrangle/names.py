"""Name normalisation: the lookup keys a character's name can be written as, and folding of
what a header wrote so that both sides meet.

Keys are lower-case words joined by one space, without punctuation ("Mad-Eye" -> "mad eye",
"O'Brien" -> "obrien"). A canonical name yields *strong* keys (the full name, both orders,
first + last, quoted nicknames, explicit aliases) and *weak* keys (a lone given or family name),
which only count when nothing strong matched and nothing else in the fandom shares them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from unidecode import unidecode

_DROPPED = re.compile(r"['’`.]")
_SEPARATORS = re.compile(r"[^\w]+")
_ASIDE = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*")
_OPEN_ASIDE = re.compile(r"\s*[(\[]")
_STRAY_BRACKET = re.compile(r"[()\[\]]")
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]|'([^']+)'")
# A possessive before another word: "Luna Lovegood's Mother", "the Potters' elves".
POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])\s+\w")
_GENERATION = frozenset({"jr", "sr", "jnr", "snr", "junior", "senior", "i", "ii", "iii", "iv"})
_NOT_A_NAME = frozenset(
    {"the", "of", "de", "da", "di", "du", "van", "von", "la", "le", "del", "al"}
)
_MIN_WEAK_LENGTH = 3
_TRANSLIT_RULES = (
    ("x", "ks"),
    ("ph", "f"),
    ("ck", "k"),
    ("kh", "h"),
    ("h", "g"),
    ("y", "i"),
    ("w", "v"),
    ("c", "k"),
    ("q", "k"),
)
_DOUBLED = re.compile(r"(.)\1+")


def name_key(text: str) -> str:
    """Fold a name for lookup: NFKC, case, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DROPPED.sub("", text)
    return " ".join(_SEPARATORS.sub(" ", text).split())


def compact_key(key: str) -> str:
    """A key without spaces, so "HarryPotter" meets "Harry Potter"."""
    return key.replace(" ", "")


def sound_key(text: str) -> str:
    """A lossy key that survives transliteration ("Абраксас Малфой" ~ "Abraxas Malfoy")."""
    key = compact_key(name_key(unidecode(text)))
    for before, after in _TRANSLIT_RULES:
        key = key.replace(before, after)
    return _DOUBLED.sub(r"\1", key)


def split_asides(text: str) -> tuple[str, tuple[str, ...]]:
    """Split "Sirius Black (mentioned) [past]" into "Sirius Black" and its asides. AO3 cuts
    tags at 100 characters and people lose brackets: an aside left open runs to the end
    ("Voldemort (Harry"), and a stray closing bracket is no part of the name."""
    asides = [match.group(1).strip() for match in _ASIDE.finditer(text)]
    base = _ASIDE.sub(" ", text).strip()
    opened = _OPEN_ASIDE.search(base)
    if opened is not None and opened.start() > 0:
        asides.append(base[opened.end() :].strip())
        base = base[: opened.start()]
    base = _STRAY_BRACKET.sub(" ", base).strip()
    return base, tuple(asides)


def nickname_forms(text: str) -> tuple[str, ...]:
    """Keys of a name written with a quoted nickname: without it, and the nickname with the
    family name ('Bartemius "Barty" Crouch Jr.' -> "bartemius crouch jr", "barty jr")."""
    nicknames = [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]
    if not nicknames:
        return ()
    tokens = name_key(_QUOTED.sub(" ", text)).split()
    forms = [" ".join(tokens)]
    if len(tokens) > 1:
        forms += [f"{name_key(nickname)} {tokens[-1]}" for nickname in nicknames]
    return tuple(dict.fromkeys(f for f in forms if f))


@dataclass(frozen=True, slots=True)
class NameKeys:
    """Every key one character answers to, by strength."""

    strong: frozenset[str]
    derived: frozenset[str]
    weak: frozenset[str]
    given: frozenset[str]
    initials: frozenset[str]
    family: frozenset[str] = frozenset()
    unnamed: bool = False


def keys_for(
    canonical: str,
    aliases: tuple[str, ...],
    family_name_first: bool,
    fandom_names: frozenset[str],
    titles: frozenset[str] = frozenset(),
) -> NameKeys:
    """The lookup keys of a canonical character name and its aliases.

    ``fandom_names`` are folded fandom names, so a disambiguating aside such as
    "Basilisk (Harry Potter)" also yields the bare "basilisk". ``family`` holds the family
    names of the canonical name; a character known only by title or generation and family
    name ("Mrs Zabini", "Avery Sr.") is ``unnamed``.
    """
    strong: set[str] = set()
    derived: set[str] = set()
    weak: set[str] = set()
    given: set[str] = set()
    initials: set[str] = set()
    family: set[str] = set()
    unnamed = False
    base, asides = split_asides(canonical)
    strong.add(name_key(canonical))
    if all(name_key(aside) in fandom_names for aside in asides):
        strong.add(name_key(base))
    for part in base.split("|"):
        if POSSESSIVE.search(part):  # "Luna Lovegood's Mother": no given or family name
            strong.add(name_key(part))
            continue
        _add_person_keys(part, family_name_first, strong, derived, weak, initials)
        all_tokens = name_key(_QUOTED.sub(" ", part)).split()
        tokens = [t for t in all_tokens if t not in _GENERATION]
        if tokens and tokens[0] in titles:
            unnamed, tokens = len(tokens) == 2, tokens[1:]
        elif len(tokens) == 1 and len(all_tokens) > 1:
            unnamed = True
        if len(tokens) >= 2:
            given.add(tokens[-1] if family_name_first else tokens[0])
            family.add(tokens[0] if family_name_first else tokens[-1])
        elif unnamed:
            family.update(tokens)
    for alias in aliases:
        strong.add(name_key(alias))
        weak.update(_alias_name_variant(alias, family_name_first, given, family))
        alias_tokens = name_key(alias).split()
        if not family_name_first and len(alias_tokens) >= 3 and alias_tokens[-1] in family:
            initials.add(_given_and_initials(alias_tokens))
    strong.discard("")
    return NameKeys(
        strong=frozenset(strong),
        derived=frozenset(derived - strong),
        weak=frozenset(weak - strong - derived),
        given=frozenset(given),
        initials=frozenset(initials),
        family=frozenset(family),
        unnamed=unnamed,
    )


def _alias_name_variant(
    alias: str, family_name_first: bool, given: set[str], family: set[str]
) -> set[str]:
    """The other name of a two-word alias that keeps the given or the family name: "Garrick
    Olivander" -> "olivander", "Ronald Weasley" -> "ronald" (a weak key: it counts alone only
    when no one else in the fandom answers to it)."""
    tokens = [t for t in name_key(_QUOTED.sub(" ", alias)).split() if t not in _GENERATION]
    if len(tokens) != 2:
        return set()
    first, last = (tokens[1], tokens[0]) if family_name_first else (tokens[0], tokens[1])
    if first in given and last not in family:
        found = last
    elif last in family and first not in given:
        found = first
    else:
        return set()
    return {found} if len(found) >= _MIN_WEAK_LENGTH and found not in _NOT_A_NAME else set()


def _add_person_keys(
    name: str,
    family_name_first: bool,
    strong: set[str],
    derived: set[str],
    weak: set[str],
    initials: set[str],
) -> None:
    """Keys of one person's name. ``derived`` keys drop middle names or a generation
    ("James Sirius Potter" -> "james potter"), so they rank below exact full names."""
    nicknames = [m.group(1) or m.group(2) for m in _QUOTED.finditer(name)]
    plain = _QUOTED.sub(" ", name)
    tokens = name_key(plain).split()
    strong.add(" ".join(tokens))
    for nickname in nicknames:
        strong.add(name_key(nickname))
        if len(tokens) > 1:
            family = tokens[0] if family_name_first else tokens[-1]
            strong.add(f"{name_key(nickname)} {family}")
    core = [t for t in tokens if t not in _GENERATION]
    if len(core) < 2:
        weak.update(t for t in core if len(t) >= _MIN_WEAK_LENGTH)
        return
    exact = strong if core == tokens and len(core) == 2 else derived
    exact.add(" ".join(core))
    given, family = (core[-1], core[0]) if family_name_first else (core[0], core[-1])
    exact.add(f"{given} {family}")
    exact.add(f"{family} {given}")
    for middle in core[1:-1]:
        derived.add(f"{core[0]} {middle}")
    weak.update(t for t in (given, family) if len(t) >= _MIN_WEAK_LENGTH and t not in _NOT_A_NAME)
    initials.add(f"{given} {family[0]}")
    if not family_name_first:
        initials.add(_given_and_initials(core))


def _given_and_initials(tokens: list[str]) -> str:
    """ "Albus S.P.", "Lily LP": a given name with the initials of the rest of the name,
    the way fans tell apart namesakes of one family."""
    return f"{tokens[0]} {''.join(t[0] for t in tokens[1:])}"


def tokens_of(key: str) -> list[str]:
    return key.split()

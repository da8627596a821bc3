"""Characters: from a name as written to the canonical character, with the reason.

The resolver tries ever looser readings of a written name and stops at the first that names
exactly one character (in the fandoms in context, when there are any):

1. the name as written ("Basilisk (Harry Potter)", "The Grey Lady"),
2. cleaned of asides, "X!" prefixes, honorifics, titles and qualifiers
   ("Sirius Black (mentioned)", "Fem!Harry", "Iruka-sensei", "Alpha Aberforth Dumbledore"),
3. any run of two or more words that is a known full name ("Slytherin Harry James Potter"),
4. a lone given or family name when only one character in the fandom has it ("Iruka"),
5. the name without spaces ("HarryPotter"), then FFN-style initials ("Cloud S."),
6. transliteration ("Абраксас Малфой"), then a conservative typo match ("Dumbeldore"),
7. a group's keywords ("Various Slytherins" -> "Slytherin Students").

When a reading names several characters it stops there and resolves nothing: two characters
made one is worse than a miss.
"""

from __future__ import annotations

import functools
import re
import tomllib
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import fuzz, process

from ficshelf.wrangle.kb import Character, KnowledgeBase
from ficshelf.wrangle.names import compact_key, name_key, sound_key, split_asides

_BANG_PREFIX = re.compile(r"^.*!\s*(?=\w)")
_CHARACTER_SUFFIX = re.compile(r"\s*-\s*(character|relationship)s?\s*$", re.IGNORECASE)
_INITIAL_FORM = re.compile(r"^(\w{2,}) (\w)$")
_SEVERAL_PEOPLE = re.compile(r"\s&\s|\sand\s|\s\+\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\w['’]s\b")
_LABEL = re.compile(r"^[^:]{1,24}:\s*(?=\S)")
_DIGITS = re.compile(r"^\d+$")
_TYPO_CUTOFF = 88.0
_SOUND_CUTOFF = 90.0
_MIN_TYPO_LENGTH = 5
_CLEAR_LEAD = 8.0


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The outcome of resolving one written name.

    ``character`` is None when nothing (or more than one character) matched; ``candidates``
    then lists who it could be, which fandom inference uses.
    """

    written: str
    character: Character | None
    how: str
    candidates: tuple[Character, ...] = ()


@dataclass(frozen=True, slots=True)
class _NameWords:
    leading: tuple[tuple[str, ...], ...]
    trailing: tuple[tuple[str, ...], ...]
    honorifics: frozenset[str]
    descriptions: tuple[str, ...]


@functools.cache
def _name_words() -> _NameWords:
    text = resources.files("ficshelf.data").joinpath("kb", "names.toml").read_text("utf-8")
    data = tomllib.loads(text)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        found = {tuple(name_key(p).split()) for p in data[key]}
        return tuple(sorted(found, key=len, reverse=True))

    return _NameWords(
        leading=phrases("leading"),
        trailing=phrases("trailing"),
        honorifics=frozenset(name_key(h) for h in data["honorifics"]),
        descriptions=tuple(data["descriptions"]),
    )


def resolver_for(kb: KnowledgeBase) -> CharacterResolver:
    """The (cached) resolver of a knowledge base."""
    resolver = _RESOLVERS.get(kb)
    if resolver is None:
        resolver = CharacterResolver(kb)
        _RESOLVERS[kb] = resolver
    return resolver


class CharacterResolver:
    """Resolves written names against one knowledge base; results are cached."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._index = kb.index
        self._cache: dict[tuple[str, frozenset[str]], NameMatch] = {}
        self._fuzzy_choices: dict[frozenset[str], tuple[list[str], list[str]]] = {}
        self._allowed_cache: dict[frozenset[str], frozenset[int]] = {}

    def resolve(self, written: str, context: frozenset[str] = frozenset()) -> NameMatch:
        """The canonical character for ``written`` among the fandoms in ``context`` (if any)."""
        key = (written, context)
        match = self._cache.get(key)
        if match is None:
            match = self._resolve(written, context)
            self._cache[key] = match
        return match

    def candidates(self, written: str) -> tuple[Character, ...]:
        """Everyone ``written`` could name in any fandom (exact readings only)."""
        match = self.resolve(written)
        return (match.character,) if match.character is not None else match.candidates

    # -- the readings, loosest last ------------------------------------------------------

    def _resolve(self, written: str, context: frozenset[str]) -> NameMatch:
        context = context | self._fandoms_in_asides(written)
        if _SEVERAL_PEOPLE.search(split_asides(written)[0]):
            return NameMatch(written, None, "several people")
        plain = plain_name(written)
        cleaned = clean_name(written)
        readings: list[tuple[str, Callable[[], frozenset[int]]]] = [
            ("name as written", lambda: self._lookup("strong", name_key(written))),
            ("name without asides", lambda: self._lookup("strong", plain)),
            ("known name", lambda: self._lookup("strong", cleaned)),
            ("known name without middle names", lambda: self._lookup("derived", plain)),
            ("known name without middle names", lambda: self._lookup("derived", cleaned)),
            ("first and last name", lambda: self._first_and_last(cleaned)),
            ("group keyword", lambda: self._group(written, plain, context)),
            ("contains full name", lambda: self._runs(cleaned)),
            ("name after 'as'", lambda: self._played_by(written)),
            ("given or family name", lambda: self._lookup("weak", cleaned)),
            ("name without spaces", lambda: self._lookup("compact", compact_key(cleaned))),
            ("initial of family name", lambda: self._initials(cleaned)),
            ("transliterated", lambda: self._transliterated(written, cleaned)),
            ("given name, other family name", lambda: self._given_name(cleaned, context)),
        ]
        seen: tuple[Character, ...] = ()
        for how, reading in readings:
            ids = reading()
            if not ids:
                continue
            chosen, seen = self._choose(ids, context)
            if chosen is not None:
                return NameMatch(written, chosen, how)
            if seen and self._in_context(seen, context):
                return NameMatch(written, None, f"ambiguous ({how})", seen)
        if context:
            typo = self._typo(cleaned, context)
            if typo is not None:
                return NameMatch(written, typo[0], typo[1])
        return NameMatch(written, None, "unknown", seen)

    def _fandoms_in_asides(self, written: str) -> frozenset[str]:
        _base, asides = split_asides(written)
        found = (self._kb.fandom(aside) for aside in asides)
        return frozenset(f.name for f in found if f is not None)

    def _lookup(self, table: str, key: str) -> frozenset[int]:
        tables: Mapping[str, Mapping[str, frozenset[int]]] = {
            "strong": self._index.strong,
            "derived": self._index.derived,
            "weak": self._index.weak,
            "compact": self._index.compact,
            "sound": self._index.sound,
            "initials": self._index.initials,
        }
        if table == "weak":
            return tables["weak"].get(key, frozenset()) | tables["strong"].get(key, frozenset())
        return tables[table].get(key, frozenset())

    def _transliterated(self, written: str, cleaned: str) -> frozenset[int]:
        if written.isascii() or len(cleaned) < _MIN_TYPO_LENGTH:
            return frozenset()
        return self._lookup("sound", sound_key(cleaned))

    def _runs(self, cleaned: str) -> frozenset[int]:
        tokens = cleaned.split()
        found: set[int] = set()
        for size in range(len(tokens) - 1, 1, -1):
            for start in range(len(tokens) - size + 1):
                key = " ".join(tokens[start : start + size])
                found |= self._index.strong.get(key, set()) or self._index.derived.get(key, set())
            if found:
                return frozenset(found)
        return frozenset()

    def _initials(self, cleaned: str) -> frozenset[int]:
        if _INITIAL_FORM.match(cleaned) is None:
            return frozenset()
        return self._index.initials.get(cleaned, frozenset())

    def _choose(
        self, ids: Iterable[int], context: frozenset[str]
    ) -> tuple[Character | None, tuple[Character, ...]]:
        found = tuple(self._index.characters[i] for i in sorted(ids))
        if context:
            in_context = tuple(c for c in found if c.fandom in context)
            if in_context:
                return (in_context[0] if len(in_context) == 1 else None), in_context
            return None, found
        return (found[0] if len(found) == 1 else None), found

    @staticmethod
    def _in_context(found: tuple[Character, ...], context: frozenset[str]) -> bool:
        return not context or any(c.fandom in context for c in found)

    # -- typos and groups, only with a fandom in context ---------------------------------

    def _choices(self, context: frozenset[str]) -> tuple[list[str], list[str]]:
        cached = self._fuzzy_choices.get(context)
        if cached is not None:
            return cached
        allowed = self._allowed(context)
        keys = [k for k, ids in self._index.strong.items() if ids & allowed]
        sounds = [k for k, ids in self._index.sound.items() if ids & allowed]
        self._fuzzy_choices[context] = (keys, sounds)
        return keys, sounds

    def _typo(self, cleaned: str, context: frozenset[str]) -> tuple[Character, str] | None:
        if len(cleaned) < _MIN_TYPO_LENGTH:
            return None
        keys, sounds = self._choices(context)
        best = self._best(cleaned, keys, self._index.strong, context, _TYPO_CUTOFF)
        if best is not None:
            return best, "close spelling of a known name"
        best = self._best(sound_key(cleaned), sounds, self._index.sound, context, _SOUND_CUTOFF)
        return None if best is None else (best, "sounds like a known name")

    def _best(
        self,
        query: str,
        choices: list[str],
        table: Mapping[str, frozenset[int]],
        context: frozenset[str],
        cutoff: float,
    ) -> Character | None:
        hits = process.extract(query, choices, scorer=fuzz.ratio, limit=4, score_cutoff=cutoff)
        if not hits:
            return None
        top_score = hits[0][1]
        near = {i for key, score, _ in hits if score >= top_score - _CLEAR_LEAD for i in table[key]}
        in_context = [i for i in near if self._index.characters[i].fandom in context]
        if len(in_context) != 1:
            return None
        return self._index.characters[in_context[0]]

    def _group(self, written: str, plain: str, context: frozenset[str]) -> frozenset[int]:
        """The group whose longest keyword found in the name is longer than any other's."""
        if not context or _POSSESSIVE.search(written):
            return frozenset()
        padded = f" {plain} "
        best: dict[int, int] = {}
        for fandom in context:
            for i in self._groups_of(fandom):
                lengths = [len(kw) for kw in self._keywords(i) if f" {kw} " in padded]
                if lengths:
                    best[i] = max(lengths)
        if not best:
            return frozenset()
        top = max(best.values())
        return frozenset(i for i, length in best.items() if length == top)

    def _played_by(self, written: str) -> frozenset[int]:
        """ "Alan Rickman as Severus Snape": the character is named after "as"."""
        _head, found, tail = split_asides(written)[0].partition(" as ")
        if not found:
            return frozenset()
        key = clean_name(tail)
        return self._lookup("strong", key) or self._lookup("derived", key)

    def _first_and_last(self, cleaned: str) -> frozenset[int]:
        tokens = cleaned.split()
        if len(tokens) < 3:
            return frozenset()
        key = f"{tokens[0]} {tokens[-1]}"
        return self._index.strong.get(key, frozenset()) or self._index.derived.get(key, frozenset())

    def _given_name(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Alice Prewett" -> Alice Longbottom: a given name only one character in the fandom
        has, with a family name nobody there has (a maiden name, an AU surname); asked last."""
        tokens = cleaned.split()
        if len(tokens) != 2 or not context:
            return frozenset()
        allowed = self._allowed(context)
        if self._lookup("weak", tokens[1]) & allowed:
            return frozenset()
        found = self._index.given.get(tokens[0], frozenset()) & allowed
        return found if len(found) == 1 else frozenset()

    def _allowed(self, context: frozenset[str]) -> frozenset[int]:
        allowed = self._allowed_cache.get(context)
        if allowed is None:
            allowed = frozenset(i for f in context for i in self._index.by_fandom.get(f, ()))
            self._allowed_cache[context] = allowed
        return allowed

    @functools.cache  # noqa: B019 - resolvers live as long as their knowledge base
    def _keywords(self, position: int) -> tuple[str, ...]:
        return tuple(name_key(k) for k in self._index.characters[position].keywords)

    @functools.cache  # noqa: B019 - resolvers live as long as their knowledge base
    def _groups_of(self, fandom: str) -> tuple[int, ...]:
        return tuple(
            i for i in self._index.by_fandom.get(fandom, ()) if self._index.characters[i].keywords
        )


_RESOLVERS: weakref.WeakKeyDictionary[KnowledgeBase, CharacterResolver] = (
    weakref.WeakKeyDictionary()
)


@functools.lru_cache(maxsize=65536)
def plain_name(written: str) -> str:
    """The name key of ``written`` without asides, "X!" prefixes and trailing descriptions."""
    base, _asides = split_asides(written)
    base = _LABEL.sub("", base)
    base = next((part for part in re.split(r"[|/]", base) if part.strip()), base)
    base = _CHARACTER_SUFFIX.sub("", base).strip().rstrip("!?.").strip()
    base = _BANG_PREFIX.sub("", base)
    for marker in _name_words().descriptions:
        head = base.split(marker, 1)[0]
        if head.strip() and head != base:
            base = head
            break
    return name_key(base)


@functools.lru_cache(maxsize=65536)
def clean_name(written: str) -> str:
    """``plain_name`` with honorifics, titles and qualifiers removed from the edges."""
    words = _name_words()
    tokens = [t for t in plain_name(written).split() if not _DIGITS.match(t)]
    tokens = _strip_honorifics(tokens, words.honorifics)
    tokens = _strip_edges(tokens, words.leading, words.trailing)
    return " ".join(tokens)


def _strip_honorifics(tokens: list[str], honorifics: frozenset[str]) -> list[str]:
    while len(tokens) > 1 and tokens[-1] in honorifics:
        tokens = tokens[:-1]
    return tokens


def _strip_edges(
    tokens: list[str],
    leading: tuple[tuple[str, ...], ...],
    trailing: tuple[tuple[str, ...], ...],
) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for phrase in leading:
            if len(tokens) > len(phrase) and tuple(tokens[: len(phrase)]) == phrase:
                tokens, changed = tokens[len(phrase) :], True
                break
        for phrase in trailing:
            if len(tokens) > len(phrase) and tuple(tokens[-len(phrase) :]) == phrase:
                tokens, changed = tokens[: -len(phrase)], True
                break
    return tokens

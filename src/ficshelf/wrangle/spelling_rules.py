"""Spelling rules: a name written otherwise than any table has it: misspelt ("Dumbeldore",
"Professir Sprout"), run together ("HarryPotter", "Slytherinharry", "peterpettiegrew"),
cut short ("Petun", "Cloud S."), transliterated ("Абраксас Малфой") or punned on
("Grindeldick"). A loose spelling is read only when it points at one character clearly
ahead of every other.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Mapping

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ficshelf.wrangle.english import given_names, ordinary_or_plural, ordinary_word
from ficshelf.wrangle.kb import Character
from ficshelf.wrangle.lookups import MIN_TYPO_LENGTH, Lookups
from ficshelf.wrangle.loose import titled
from ficshelf.wrangle.names import compact_key, name_key, sound_key
from ficshelf.wrangle.typos import allowed_edits, correct, respell
from ficshelf.wrangle.written import clean_name, name_words

_INITIAL_FORM = re.compile(r"^(\w{2,}) (\w{1,3})$")
_WORD = re.compile(r"[^\W\d_]+")
_TYPO_CUTOFF = 88.0
_SOUND_CUTOFF = 90.0
_MIN_COMPACT_TYPO = 10
_CLEAR_LEAD = 8.0
_MIN_RUN_IN = 3
_MIN_PUN = 8
_MIN_PUN_PART = 3
_MIN_PUN_NAME = 7
_MIN_PUN_BEGINNING = 6
_MIN_PUN_END = 4


class SpellingRules:
    """The readings of a tag as a known name spelt otherwise."""

    def __init__(self, look: Lookups) -> None:
        self._look = look
        self._compact_keys: dict[frozenset[str], list[str]] = {}
        self._pun_cache: dict[frozenset[str], list[tuple[str, frozenset[int]]]] = {}
        self._pieces_cache: dict[frozenset[str], frozenset[str]] = {}
        self._pun_parts_cache: dict[
            frozenset[str], tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]
        ] = {}

    def typo(self, cleaned: str, context: frozenset[str]) -> tuple[Character, str] | None:
        """A whole name close in spelling, else in sound, to one known name clearly ahead of
        the rest ("Hermoine Grnager"), with how it was read."""
        if len(cleaned) < MIN_TYPO_LENGTH:
            return None
        keys, sounds = self._look.choices(context)
        best = self._best(cleaned, keys, self._look.index.strong, context, _TYPO_CUTOFF)
        if best is not None:
            return best, "close spelling of a known name"
        best = self._best(
            sound_key(cleaned), sounds, self._look.index.sound, context, _SOUND_CUTOFF
        )
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
        in_context = [i for i in near if self._look.index.characters[i].fandom in context]
        if len(in_context) != 1:
            return None
        return self._look.index.characters[in_context[0]]

    def respelled(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """Names with misspelt words ("Professir Sprout", "Seamas Finnegan")."""
        vocabulary, known = self._look.vocabulary(context)
        respelled = respell(cleaned.split(), vocabulary, known)
        if respelled is None:
            return frozenset()
        again = clean_name(respelled)
        allowed = self._look.allowed(context)
        for found in (
            self._look.lookup("strong", again),
            self._look.lookup("derived", again),
            self._look.first_and_last(again),
            titled(respelled, self._look.index, allowed),
        ):
            if found & allowed:
                return self._look.guard(found & allowed, respelled, context)
        unique = self._look.lookup("weak", again) & allowed
        return (
            unique if len(unique) == 1 and again not in self._look.anchors(context) else frozenset()
        )

    def compact(self, cleaned: str) -> frozenset[int]:
        """ "HarryPotter", "Jamespotter": a full name (before a name without its middle
        names: James Potter, not James Sirius Potter) written without spaces; also after a
        label run into it ("Slytherinharry", "FemDraco")."""
        key = compact_key(cleaned)
        found = self._look.lookup("compact_strong", key) or self._look.lookup("compact", key)
        if found or " " in cleaned:
            return found
        for label in _run_in_labels():
            rest = key[len(label) :]
            if key.startswith(label) and len(rest) >= _MIN_RUN_IN:
                found = self._look.lookup("compact_strong", rest) or self._look.lookup("weak", rest)
                if found:
                    return found
        return frozenset()

    def compact_typo(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "peterpettiegrew": a long run-together name with a letter or two wrong."""
        if " " in cleaned or len(cleaned) < _MIN_COMPACT_TYPO:
            return frozenset()
        choices = self._compact_choices(context)
        edits = allowed_edits(cleaned)
        hits = process.extract(cleaned, choices, scorer=OSA.distance, score_cutoff=edits, limit=4)
        if not hits:
            return frozenset()
        best = hits[0][1]
        found = {
            i for key, score, _ in hits if score == best for i in self._look.index.compact[key]
        }
        return frozenset(found) & self._look.allowed(context)

    def respelled_tag(self, written: str, context: frozenset[str]) -> str | None:
        """ "Mrs. Wesaley", "Mama Lpuin", "Ludovric Bagman": the tag as written with each
        misspelt word of a name, title or group corrected in place (an ordinary word or a
        name someone goes by is left alone), for the whole tag to be read again; None when
        nothing was misspelt."""
        vocabulary, known = self._look.vocabulary(context)
        owners = self._look.word_owners(context)
        parts = self._look.index.parts
        changed = False

        def corrected(match: re.Match[str]) -> str:
            nonlocal changed
            token = match.group(0)
            key = name_key(token)
            if not key.isalpha() or ordinary_or_plural(key) or key in given_names():
                return token  # "Helen" is a name of its own, not a typo of "Helena"
            if key in parts.by_given:
                return token  # a fanon given name is no typo of a canonical one
            fixed = correct(key, vocabulary, known, owners)
            if fixed == key:
                return token
            changed = True
            return fixed.capitalize() if token[:1].isupper() else fixed

        respelled = _WORD.sub(corrected, written)
        return respelled if changed else None

    def _compact_choices(self, context: frozenset[str]) -> list[str]:
        cached = self._compact_keys.get(context)
        if cached is None:
            allowed = self._look.allowed(context)
            cached = [k for k, ids in self._look.index.compact.items() if ids & allowed]
            self._compact_keys[context] = cached
        return cached

    def transliterated(self, written: str, cleaned: str) -> frozenset[int]:
        """ "Абраксас Малфой": a name in another script, by how its Latin spelling sounds."""
        if written.isascii() or len(cleaned) < MIN_TYPO_LENGTH:
            return frozenset()
        return self._look.lookup("sound", sound_key(cleaned))

    def given_prefix(
        self, cleaned: str, context: frozenset[str], *, tagged: bool = False
    ) -> frozenset[int]:
        """ "Petun", "Hermi", "Voldemo": the beginning, at least half, of the one given name
        or one-word name in the fandom that begins so; not an ordinary word ("Sever"), unless
        the tag was made a
        character's ("Sever - Character": a name typed half-way into AO3's field)."""
        if " " in cleaned or len(cleaned) < _MIN_RUN_IN + 1 or not cleaned.isalpha():
            return frozenset()
        if (ordinary_word(cleaned) and not tagged) or cleaned in self._look.words_in_names:
            return frozenset()
        found: set[int] = set()
        for words, owners in (
            (self._look.index.parts.given_words, self._look.index.parts.by_given),
            self._look.lone_names,  # "Voldemo": a one-word name typed half-way
        ):
            for word in words[bisect.bisect_left(words, cleaned) :]:
                if not word.startswith(cleaned):
                    break
                if 2 * len(cleaned) >= len(word):
                    found |= owners[word]
        found &= self._look.allowed(context)
        return frozenset(found) if len(found) == 1 else frozenset()

    def pun(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Grindeldick", "Fetusmort": one word made of the beginning of a character's
        one-word name and a word that is no one's name ("grindel" + "dick"), or of an
        ordinary word not like a name's beginning and the name's end ("fetus" + "mort"),
        when only one character's name begins or ends so. Not two names blended:
        "Drastoria" is a ship."""
        if " " in cleaned or len(cleaned) < _MIN_PUN or not cleaned.isalpha():
            return frozenset()
        if ordinary_word(cleaned) or cleaned in self._look.words_in_names:
            return frozenset()
        beginnings, ends = self._name_parts_of_puns(context)
        found: set[int] = set()
        for cut in range(_MIN_PUN_PART, len(cleaned) - _MIN_PUN_PART + 1):
            head, tail = cleaned[:cut], cleaned[cut:]
            if head in beginnings and not self._names_someone(tail, context):  # "grindel"
                found |= beginnings[head]
            if tail in ends and ordinary_word(head) and not self._near_a_name(head, context):
                found |= ends[tail]  # "fetus" + "mort"
        return frozenset(found) if len(found) == 1 else frozenset()

    def _name_parts_of_puns(
        self, context: frozenset[str]
    ) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
        """The beginnings and the ends of the one-word names in context a pun may keep, with
        the characters whose names begin or end so."""
        cached = self._pun_parts_cache.get(context)
        if cached is None:
            beginnings: defaultdict[str, set[int]] = defaultdict(set)
            ends: defaultdict[str, set[int]] = defaultdict(set)
            for name, ids in self._pun_names(context):
                for size in range(1, len(name)):
                    if _begins(name, name[:size]):
                        beginnings[name[:size]] |= ids
                    if _ends(name, name[-size:]):
                        ends[name[-size:]] |= ids
            cached = (
                {k: frozenset(v) for k, v in beginnings.items()},
                {k: frozenset(v) for k, v in ends.items()},
            )
            self._pun_parts_cache[context] = cached
        return cached

    def _names_someone(self, word: str, context: frozenset[str]) -> bool:
        """Whether ``word`` is a name, or the beginning or end of one, of anyone in the
        fandoms in context: "Drastoria" is Draco and Astoria, "Harrmort" Harry and
        Voldemort, a ship rather than a pun."""
        if self._look.lookup("weak", word) & self._look.allowed(context):
            return True
        return word in self._name_pieces(context)

    def _name_pieces(self, context: frozenset[str]) -> frozenset[str]:
        """Every beginning and end of the one-word names in context, and every beginning of
        a given name anyone goes by."""
        cached = self._pieces_cache.get(context)
        if cached is None:
            pieces: set[str] = set()
            for name, _ids in self._pun_names(context):
                pieces.update(name[:size] for size in range(1, len(name) + 1))
                pieces.update(name[-size:] for size in range(1, len(name) + 1))
            for given in self._look.index.parts.given_words:
                pieces.update(given[:size] for size in range(1, len(given) + 1))
            cached = frozenset(pieces)
            self._pieces_cache[context] = cached
        return cached

    def _near_a_name(self, head: str, context: frozenset[str]) -> bool:
        """Whether ``head`` names someone or is, but for a letter, the beginning of anyone's
        name ("dras" of "draco" in "Drastoria", "harde" of "harry" in "Hardemort")."""
        if self._names_someone(head, context):
            return True
        size = len(head)
        beginnings = {n[:size] for n, _ids in self._pun_names(context)}
        beginnings |= {g[:size] for g in self._look.index.parts.given_words if len(g) >= size}
        return any(OSA.distance(head, b, score_cutoff=1) <= 1 for b in beginnings)

    def _pun_names(self, context: frozenset[str]) -> list[tuple[str, frozenset[int]]]:
        """The one-word names (a lone given or family name, a mononym) of the characters in
        context, long enough to be recognised in part."""
        cached = self._pun_cache.get(context)
        if cached is None:
            allowed = self._look.allowed(context) - self._look.grouped(context)
            index = self._look.index
            cached = [
                (key, ids & allowed)
                for table in (index.weak, index.strong)
                for key, ids in table.items()
                if " " not in key and len(key) >= _MIN_PUN_NAME and ids & allowed
            ]
            self._pun_cache[context] = cached
        return cached

    def initials(self, cleaned: str) -> frozenset[int]:
        """ "Cloud S.": FFN's given name and initial of the family name; "Albus S.P.": the
        initials of the middle and family names too."""
        given, *rest = cleaned.split() or [""]
        if len(rest) > 1 and all(len(letter) == 1 for letter in rest):
            cleaned = f"{given} {''.join(rest)}"  # "Albus S. P."
        if _INITIAL_FORM.match(cleaned) is None:
            return frozenset()
        return self._look.index.initials.get(cleaned, frozenset())


def _begins(name: str, head: str) -> bool:
    """Whether ``head`` is most of ``name``'s beginning (not all of it)."""
    return len(head) >= _MIN_PUN_BEGINNING and len(head) < len(name) and name.startswith(head)


def _ends(name: str, tail: str) -> bool:
    """Whether ``tail`` is ``name``'s end (not all of it), "mort" of "voldemort"."""
    return len(tail) >= _MIN_PUN_END and len(tail) < len(name) and name.endswith(tail)


@functools.cache
def _run_in_labels() -> tuple[str, ...]:
    """One-word labels that may run into a name ("slytherin", "fem", "dark"), longest first."""
    words = {p[0] for p in name_words().leading if len(p) == 1 and len(p[0]) >= _MIN_RUN_IN}
    return tuple(sorted(words, key=len, reverse=True))

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

import bisect
import functools
import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ficshelf.wrangle.english import ordinary_word
from ficshelf.wrangle.families import head_of, renamed_member, rival_member, tied_by_kin
from ficshelf.wrangle.groups import (
    GroupWords,
    best_keyword,
    by_anchor,
    by_keyword,
    by_words,
    owned_by,
)
from ficshelf.wrangle.kb import Character, KnowledgeBase
from ficshelf.wrangle.loose import given_with_other_family, mentioned, titled
from ficshelf.wrangle.name_parts import bearers, match_parts
from ficshelf.wrangle.names import (
    compact_key,
    name_key,
    nickname_forms,
    sound_key,
    split_asides,
)
from ficshelf.wrangle.typos import allowed_edits, respell
from ficshelf.wrangle.written import (
    clean_name,
    generation_of,
    generation_variants,
    identity_pieces,
    kin_of,
    name_words,
    plain_name,
    says_impostor,
    several_people,
    title_and_family,
    words_of,
)

__all__ = ["CharacterResolver", "NameMatch", "clean_name", "plain_name", "resolver_for"]

_INITIAL_FORM = re.compile(r"^(\w{2,}) (\w)$")
_POSSESSIVE = re.compile(r"\w(?:['’]s|s['’])\s+\w")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_CHARACTER_SUFFIX = re.compile(r"\s*-\s*characters?\s*$", re.IGNORECASE)
_TYPO_CUTOFF = 88.0
_SOUND_CUTOFF = 90.0
_MIN_TYPO_LENGTH = 5
_MIN_COMPACT_TYPO = 10
_CLEAR_LEAD = 8.0
_MAX_PART_EDITS = 3
_MIN_RUN_IN = 3
_ORIGINAL = frozenset({"original", "originals", "oc", "ocs"})
_CHARACTER_WORDS = frozenset({"character", "characters", "s"})
_KIND = re.compile(r"\bcharacters?\b")


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
        self._vocabularies: dict[frozenset[str], tuple[list[str], frozenset[str]]] = {}
        self._compact_keys: dict[frozenset[str], list[str]] = {}
        self._owner_cache: dict[frozenset[str], tuple[frozenset[str], frozenset[str]]] = {}

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
        if says_impostor(written):
            return NameMatch(written, None, "someone else wearing the name")
        plain = plain_name(written)
        cleaned = clean_name(written)
        as_tagged = _CHARACTER_SUFFIX.sub("", written)  # "Diary!Tom - Character"
        allowed = self._allowed(context) if context else frozenset()
        readings: list[tuple[str, Callable[[], frozenset[int]]]] = [
            ("name as written", lambda: self._lookup("strong", name_key(written))),
            ("name as written", lambda: self._lookup("strong", name_key(as_tagged))),
            ("original characters of a group", lambda: self._original_group(written, context)),
            ("other generation", lambda: self._other_generation(plain, written)),
            ("name completed by its aside", lambda: self._with_aside(written)),
            ("name without asides", lambda: self._lookup("strong", plain)),
            ("group name", lambda: self._group_exactly(plain, context)),
            ("known name", lambda: self._lookup("strong", cleaned)),
            ("known name without middle names", lambda: self._lookup("derived", plain)),
            ("known name without middle names", lambda: self._lookup("derived", cleaned)),
            ("name without its nickname", lambda: self._without_nickname(written)),
        ]
        if several_people(written):
            whole = name_key(split_asides(written)[0])
            readings.append(
                ("group name with 'and'", lambda: self._joined_group(plain, whole, context))
            )
            readings.append(("a couple by title", lambda: self._couple(plain, context)))
            readings.append(
                ("unnamed members of a group", lambda: self._unknown_members(written, context))
            )
            readings.append(("group in chatter", lambda: self._chatter_group(written, context)))
            if context and not self._unread_person(written, allowed):
                readings.append(("name mentioned", lambda: self._mentioned(written, context)))
            return self._first_of(written, readings, context, "several people")
        readings += [
            ("someone's relative or pet", lambda: self._kin(written, context)),
            ("name with its aside", lambda: self._with_aside(written)),
            ("named in an aside or 'aka'", lambda: self._in_pieces(written, context)),
            ("starts with a full name", lambda: self._runs(cleaned)),
            ("first and last name", lambda: self._first_and_last(cleaned)),
            ("known name after qualifiers", lambda: self._after_qualifiers(cleaned, context)),
            ("group keyword", lambda: self._group(written, plain, context)),
            ("name after 'as'", lambda: self._played_by(written)),
        ]
        if title_and_family(plain) is not None:
            readings.append(("title and family name", lambda: self._titled(plain, context)))
        else:
            readings.append(("given or family name", lambda: self._weak(cleaned, context, written)))
        readings += [
            ("name without spaces", lambda: self._compact(cleaned)),
            ("initial of family name", lambda: self._initials(cleaned)),
        ]
        if context:
            readings.append(("name mentioned", lambda: self._mentioned(written, context)))
        readings.append(("transliterated", lambda: self._transliterated(written, cleaned)))
        if context:
            readings += [
                ("close spelling of a known name", lambda: self._respelled(cleaned, context)),
                ("names the character goes by", lambda: self._by_parts(cleaned, context)),
                ("beginning of a given name", lambda: self._given_prefix(cleaned, context)),
                ("given name, other family name", lambda: self._given_name(cleaned, context)),
                ("close spelling without spaces", lambda: self._compact_typo(cleaned, context)),
            ]
        match = self._first_of(written, readings, context, "unknown")
        if match.character is not None and self._ids_of(match.character) <= self._kinds:
            person = self._in_pieces(written, context) - self._kinds
            if len(person) == 1:  # "OMC - Clone Draco/Silver": the person, not the kind
                return NameMatch(written, self._index.characters[next(iter(person))], "named")
        several_words = len(cleaned.split()) > 1
        if match.character is None and not match.how.startswith("ambiguous") and several_words:
            typo = self._typo(cleaned, context) if context else None
            if typo is not None and not self._contains_other_name(cleaned, self._ids_of(typo[0])):
                return NameMatch(written, typo[0], typo[1])
            parts = self._by_parts(cleaned, context, loose=True) if context else frozenset()
            if len(parts) == 1:
                character = self._index.characters[next(iter(parts))]
                return NameMatch(written, character, "close spelling of names it goes by")
            renamed = self._renamed(written, cleaned, context) if context else frozenset()
            if len(renamed) == 1:
                character = self._index.characters[next(iter(renamed))]
                return NameMatch(written, character, "family name, other given name")
        return match

    def _first_of(
        self,
        written: str,
        readings: list[tuple[str, Callable[[], frozenset[int]]]],
        context: frozenset[str],
        failure: str,
    ) -> NameMatch:
        """The first reading naming exactly one character; stops if one names several."""
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
        return NameMatch(written, None, failure, seen)

    # -- what the words around a name say --------------------------------------------------

    def _strict(self, text: str, context: frozenset[str], given: bool) -> frozenset[int]:
        """Exact readings of one piece of a tag (and a unique given name if ``given``)."""
        plain, cleaned = plain_name(text), clean_name(text)
        found = self._original_group(text, context)  # "(elf OC)": not any original character
        if found:
            return found
        for table, key in (("strong", plain), ("strong", cleaned), ("derived", cleaned)):
            found = self._lookup(table, key)
            if found:
                return found
        found = self._group(text, plain, context) or self._runs(cleaned)
        if found or not given or not context:
            return found
        found = self._after_qualifiers(cleaned, context)  # "aka Japanese Draco"
        if found:
            return found
        unique = self._index.given.get(cleaned, frozenset()) & self._allowed(context)
        return unique if len(unique) == 1 else frozenset()

    def _kin(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Remus Lupin's mum" -> Hope Lupin, "Harry Potter's Owl" -> Hedwig (the fandom file's
        kin of the owner); "Tom Riddle's diary" -> Diary Tom Riddle (a canonical named "<thing>
        <owner>"), "Snape's portrait" -> Snape when there is none (as "Portrait Snape" is).
        Only with a fandom in context: kin is canon knowledge."""
        found = kin_of(written) if context else None
        if found is None:
            return frozenset()
        owner_text, word = found
        owner = self.resolve(owner_text, context).character
        if owner is None or owner.keywords:
            return frozenset()
        kind = name_words().kin.get(word)
        if kind == "family":
            return self._family_group(name_key(owner.name).split()[-1], owner.fandom)
        target = dict(owner.kin).get(kind) if kind is not None else None
        if target is not None:
            position = self._index.by_name.get(target)
            if position is None or self._index.characters[position].fandom != owner.fandom:
                return frozenset()
            return frozenset({position})
        if word not in name_words().owned_forms:
            return frozenset()
        named = self._lookup("strong", name_key(f"{word} {owner.name}"))
        if named or (word,) not in name_words().leading:
            return named
        return self._ids_of(owner)  # "Portrait Albus Dumbledore" is read as Dumbledore too

    def _with_aside(self, written: str) -> frozenset[int]:
        """ "Tom Riddle (diary)" -> "Diary Tom Riddle": an aside that completes the name, or
        a word of the name completed by the aside ("Diary Horcrux (Tom Riddle)", a married
        woman's maiden name: "Rose Nott (Weasley)"). "X!" labels count as asides
        ("Diary!Horcrux!Tom")."""
        base, asides = split_asides(written)
        *labels, base = base.split("!")
        for aside in (*asides, *labels):
            words = name_key(base).split()
            keys = [f"{aside} {base}", f"{base} {aside}", *(f"{w} {aside}" for w in words)]
            for key in keys:
                found = self._lookup("strong", name_key(key))
                if found:
                    return found
        return frozenset()

    def _in_pieces(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Harold Lestrange (aka Harry Potter)", "Rose the House Elf", "Mentioned - Ron":
        the one character the pieces of the tag name exactly. The head of the tag counts only
        by a full name ("Rose" alone does not outweigh "the House Elf")."""
        pieces = identity_pieces(written)
        if len(pieces) < 2 and not (pieces and pieces[0].marked):  # "(aka voldy)"
            return frozenset()
        fandoms = self._kb.fandom_keys
        head = clean_name(pieces[0].text)
        family = self._index.family.get(head, frozenset()) - self._kinds
        if context and family & self._allowed(context):
            return frozenset()  # "Nott (Death Eater)": which Nott, not which group
        found: set[int] = set()
        for piece in pieces:
            if name_key(piece.text) in fandoms and not piece.marked:
                continue
            ids = self._strict(piece.text, context, given=not piece.head)
            if context:
                ids = ids & self._allowed(context)
            found |= ids
        if len(found) > 1:
            found -= self._kinds  # "(Original Character IS Harry Potter)"
        return frozenset(found) if len(found) == 1 else frozenset()

    def _ids_of(self, character: Character) -> frozenset[int]:
        position = self._index.by_name.get(character.name)
        return frozenset() if position is None else frozenset({position})

    def _contains_other_name(self, cleaned: str, found: frozenset[int]) -> bool:
        tokens = cleaned.split()
        for size in range(2, len(tokens) + 1):
            for start in range(len(tokens) - size + 1):
                key = " ".join(tokens[start : start + size])
                other = self._index.strong.get(key) or self._index.derived.get(key)
                if other and other - found:
                    return True
        return False

    def _weak(self, cleaned: str, context: frozenset[str], written: str = "") -> frozenset[int]:
        """A lone given or family name; not a group's anchor word ("Slytherin": the founder
        or the house?). A family name the fandom file says means one character or group
        ("Malfoy": Draco, "Dursley": the family) means it when several share it, unless a
        title says which ("Mentioned Mrs Zabini")."""
        found = self._lookup("weak", cleaned)
        if context and len(found & self._allowed(context)) > 1:
            meant = self._family_name(cleaned, context, written) or self._namesake(
                found & self._allowed(context)
            )
            if meant:
                return meant
        if context and cleaned in self._anchors(context) and not _CHARACTER_SUFFIX.search(written):
            return frozenset()  # "Hufflepuff - Character" is Helga, "Hufflepuff" the house too
        return found

    def _namesake(self, ids: frozenset[int]) -> frozenset[int]:
        """Of characters sharing a given name and a family name, the one named after no one:
        "James" is James Potter, not his grandson James Sirius Potter."""
        families = {self._index.parts.surname.get(i) for i in ids}
        family = families.pop()
        if families or family is None:
            return frozenset()
        return self._plainest(ids, family)

    def _family_name(self, cleaned: str, context: frozenset[str], written: str) -> frozenset[int]:
        """Whom the fandom files say a lone family name means; a family group only for the
        bare name ("Good!Dursley" is one Dursley, not the family)."""
        titles = name_words().titles
        if any(t in titles for t in plain_name(written).split()):
            return frozenset()
        found: set[int] = set()
        for name in context:
            fandom = self._kb.fandom_named(name)
            meant = fandom.family_names.get(cleaned) if fandom is not None else None
            position = self._index.by_name.get(meant) if meant is not None else None
            if position is None or self._index.characters[position].fandom != name:
                continue
            if "!" not in written or not self._index.characters[position].keywords:
                found.add(position)
        return frozenset(found)

    def _anchors(self, context: frozenset[str]) -> frozenset[str]:
        return frozenset(a for f in context for g in self._group_words(f) for a in g.anchors)

    def _titled(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Mrs. Lupin": in context, the one Lupin who is a woman; never without a fandom.
        A title that says nothing of gender ("Professor Lupin", "Auror Potter") leaves a
        shared family name to whom the fandom file says it means (a person, not a group)."""
        if not context:
            return frozenset()
        found = self._guard(titled(plain, self._index, self._allowed(context)), plain, context)
        title_family = title_and_family(plain)
        if len(found) > 1 and title_family is not None and title_family[0] is None:
            meant = self._family_name(title_family[1], context, "")
            if meant and not any(self._index.characters[i].keywords for i in meant):
                return meant
        gender, family = title_family if title_family is not None else (None, "")
        if not found and not self._index.family.get(family):
            found = self._goes_by(family, gender, context)  # "Mr Olivander"
        if gender is not None:
            if len(found) > 1:
                return head_of(found, family, self._index.families) or found
            if not found:
                return self._parent_of_dominant(family, gender, context)
        return found

    def _goes_by(self, family: str, gender: str | None, context: frozenset[str]) -> frozenset[int]:
        """The one character of ``gender`` who goes by a family name no canonical name has
        (an alias's spelling, a maiden name: see ``name_parts``)."""
        ids = self._index.parts.by_family.get(family, frozenset()) & self._allowed(context)
        found = frozenset(
            i for i in ids if gender is None or self._index.characters[i].gender == gender
        )
        return found if len(found) == 1 else frozenset()

    def _parent_of_dominant(
        self, family: str, gender: str, context: frozenset[str]
    ) -> frozenset[int]:
        """ "Mama Scamander": no Scamander woman is known by name, but the one the family
        name means (Newt) has a mother in the fandom file."""
        kinds = {"mother"} if gender == "f" else {"father"}
        found: set[int] = set()
        for position in self._dominant(family, context):
            for kind, name in self._index.characters[position].kin:
                parent = self._index.by_name.get(name)
                if kind in kinds and parent is not None:
                    found.add(parent)
        return frozenset(found) & self._allowed(context)

    def _members(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The people (not groups) of a family in the fandoms in context."""
        ids = self._index.family.get(family, frozenset()) & self._allowed(context)
        return frozenset(i for i in ids if not self._index.characters[i].keywords)

    def _meant(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The person the fandom file says a family name means alone (not a family group)."""
        meant = self._family_name(family, context, "")
        return frozenset(i for i in meant if not self._index.characters[i].keywords)

    def _dominant(self, family: str, context: frozenset[str]) -> frozenset[int]:
        """The one person a family name means alone: the fandom file's, or its only member."""
        meant = self._meant(family, context)
        if meant:
            return meant
        members = self._members(family, context)
        return members if len(members) == 1 else frozenset()

    def _renamed(self, written: str, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Hadrian Potter", "Severina Snape", "Cordelia Zabini": a known family name after
        a given name no character of the fandom has (see ``families.renamed_member``); after
        two family names, the one character who goes by both ("Aradia Potter-Peverell"). A
        title in an aside says which member instead ("Helen (Mama) Scamander", "Maeve Lupin
        (Mrs. Lupin)")."""
        tokens = cleaned.split()
        if not 2 <= len(tokens) <= 3:
            return frozenset()
        given, family = tokens[0], tokens[-1]
        titles = name_words().titles
        for aside in split_asides(written)[1]:
            words = name_key(aside).split()
            if words and words[0] in titles:
                titled_as = " ".join(words) if len(words) > 1 else f"{words[0]} {family}"
                return self._titled(titled_as, context)
        if len(tokens) > 2 and self._unknown_given(given, context):
            found = bearers(tokens[1:], self._index.parts, self._allowed(context))
            if len(found) == 1:  # "Aradia Potter-Peverell": the one who goes by both
                return self._guard(found, cleaned, context)
        if not all(self._unknown_given(t, context) for t in tokens[:-1]):
            return frozenset()  # "Barty-as-Moody", "Holly Lily Potter"
        members = self._members(family, context)
        if not members:
            return frozenset()
        found = renamed_member(
            given,
            members,
            self._index.unnamed,
            self._meant(family, context),
            self._index.families,
            self._index.families.kin_of_family.get(family, frozenset()) & self._allowed(context),
        )
        if len(found) > 1:
            found = self._plainest(found, family)
        if not found or self._contains_other_name(cleaned, found):
            return frozenset()
        return self._guard(found, cleaned, context)

    def _by_parts(
        self, cleaned: str, context: frozenset[str], loose: bool = False
    ) -> frozenset[int]:
        """ "Hadrian Black", "Harry Snape", "Rose Granger": a given name and family name(s) the
        character goes by (see ``name_parts``); ``loose`` forgives typos and a family name's
        beginning ("roneld wesly", "james pot") when one character needs fewer edits than
        anyone else. Of several named alike, the plainest ("james pot": James Potter)."""
        tokens = cleaned.split()
        found = match_parts(tokens, self._index.parts, self._allowed(context), loose)
        if found is None:
            return frozenset()
        if loose and (found.edits > _MAX_PART_EDITS or (len(tokens) > 2 and found.edits > 1)):
            return frozenset()
        ids = self._namesake(found.ids) if len(found.ids) > 1 else found.ids
        if not ids or self._contains_other_name(self._without_own_middle(tokens, ids), ids):
            return frozenset()
        return self._guard(ids, cleaned, context) if found.edits else ids

    def _without_own_middle(self, tokens: list[str], ids: frozenset[int]) -> str:
        """The tokens without a middle name the character has ("Hadrian James Potter": Harry's
        middle name and family name are James Potter's name, not James Potter)."""
        middles = set().union(*(self._index.parts.middle.get(i, ()) for i in ids))
        kept = [t for position, t in enumerate(tokens[:-1]) if not position or t not in middles]
        return " ".join([*kept, tokens[-1]])

    def _plainest(self, ids: frozenset[int], family: str) -> frozenset[int]:
        """Of several members sharing a given name, the one whose name is just that given
        name and ``family`` (James Potter, not James Sirius Potter)."""
        given_of = self._index.families.given_of
        keys = {f"{given} {family}" for i in ids for given in given_of.get(i, ())}
        found = frozenset(i for key in keys for i in self._index.strong.get(key, ())) & ids
        return found if len(found) == 1 else frozenset()

    def _unknown_given(self, word: str, context: frozenset[str]) -> bool:
        """A word that reads as a given name no character of the fandom has: not a known
        name or alias, nor an ordinary word ("Happy Potter", "Dead Malfoy")."""
        if not word.isalpha() or len(word) < 2:
            return False
        allowed = self._allowed(context)
        index = self._index
        for table in (index.given, index.family, index.strong, index.weak):
            if table.get(word, frozenset()) & allowed:
                return False
        vocab = name_words()
        if word in vocab.titles or word in vocab.people_words or word in vocab.relations:
            return False
        return not ordinary_word(word)

    def _unread_person(self, written: str, allowed: frozenset[int]) -> bool:
        """ "Petunia i Vernon Dursleyowie": one of the people joined in the tag is written in a
        way we cannot read, so naming only the other would drop them."""
        parts = name_words().several_people.split(split_asides(written)[0])
        return any(
            not mentioned(part, self._index, allowed)
            and any(w.capitalised and w.key not in name_words().fillers for w in words_of(part))
            for part in parts
        )

    def _mentioned(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """The one person named inside chatter; not when the whole tag is a letter from
        someone else's name ("Nicolas de Mimsy-Porpington" is not Nicolas Flamel)."""
        base, asides = split_asides(written)
        fandoms = self._kb.fandom_keys
        kept = [a for a in asides if name_key(a) not in fandoms]
        allowed = self._allowed(context)
        found = mentioned(base, self._index, allowed).union(  # an aside is not a surname
            *(mentioned(aside, self._index, allowed) for aside in kept)
        )
        return self._guard(found, written, context) if len(found) == 1 else frozenset()

    def _respelled(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """Names with misspelt words ("Professir Sprout", "Seamas Finnegan")."""
        vocabulary, known = self._vocabulary(context)
        respelled = respell(cleaned.split(), vocabulary, known)
        if respelled is None:
            return frozenset()
        again = clean_name(respelled)
        allowed = self._allowed(context)
        for found in (
            self._lookup("strong", again),
            self._lookup("derived", again),
            self._first_and_last(again),
            titled(respelled, self._index, allowed),
        ):
            if found & allowed:
                return self._guard(found & allowed, respelled, context)
        unique = self._lookup("weak", again) & allowed
        return unique if len(unique) == 1 and again not in self._anchors(context) else frozenset()

    def _vocabulary(self, context: frozenset[str]) -> tuple[list[str], frozenset[str]]:
        cached = self._vocabularies.get(context)
        if cached is None:
            keys, _sounds = self._choices(context)
            allowed = self._allowed(context)
            words = {w for k in keys for w in k.split()}
            words |= {
                w for k, ids in self._index.derived.items() if ids & allowed for w in k.split()
            }
            words |= {w for k, ids in self._index.weak.items() if ids & allowed for w in k.split()}
            words |= {p[0] for p in name_words().leading if len(p) == 1}
            words |= set(name_words().titles)
            common = name_words().fillers | name_words().people_words | name_words().relations
            for fandom in context:
                for i in self._groups_of(fandom):
                    words |= {w for kw in self._keywords(i) for w in kw.split()}
            cached = (sorted(words), frozenset(words | common))
            self._vocabularies[context] = cached
        return cached

    def _guard(self, ids: frozenset[int], text: str, context: frozenset[str]) -> frozenset[int]:
        """Refuses a loose reading when the text is one typo away from someone else's name:
        "Madam Prince" is more likely Madam Pince than the one female Prince."""
        if len(ids) != 1:
            return ids
        key = name_key(text)
        if len(key) < _MIN_TYPO_LENGTH:
            return ids
        keys, _sounds = self._choices(context)
        close = process.extract(key, keys, scorer=OSA.distance, score_cutoff=1, limit=8)
        others = {i for hit, _score, _ in close for i in self._index.strong[hit]} - ids
        return frozenset() if others & self._allowed(context) else ids

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
            "compact_strong": self._index.compact_strong,
            "sound": self._index.sound,
            "initials": self._index.initials,
        }
        if table == "weak":
            return tables["weak"].get(key, frozenset()) | tables["strong"].get(key, frozenset())
        return tables[table].get(key, frozenset())

    def _without_nickname(self, written: str) -> frozenset[int]:
        """'Bartemius "Barty" Crouch Jr.', 'Draconian "Draco" Lucius Malfoy': the name
        without its quoted nickname, else the nickname with the family name."""
        base, _asides = split_asides(written)
        for key in nickname_forms(base):
            found = self._lookup("strong", key) or self._lookup("derived", key)
            if found:
                return found
        return frozenset()

    def _compact(self, cleaned: str) -> frozenset[int]:
        """ "HarryPotter", "Jamespotter": a full name (before a name without its middle
        names: James Potter, not James Sirius Potter) written without spaces; also after a
        label run into it ("Slytherinharry", "FemDraco")."""
        key = compact_key(cleaned)
        found = self._lookup("compact_strong", key) or self._lookup("compact", key)
        if found or " " in cleaned:
            return found
        for label in _run_in_labels():
            rest = key[len(label) :]
            if key.startswith(label) and len(rest) >= _MIN_RUN_IN:
                found = self._lookup("compact_strong", rest) or self._lookup("weak", rest)
                if found:
                    return found
        return frozenset()

    def _given_prefix(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Petun", "Hermi": the beginning, at least half, of the one given name in the
        fandom that begins so; not an ordinary word ("Sever")."""
        if " " in cleaned or len(cleaned) < _MIN_RUN_IN + 1 or not cleaned.isalpha():
            return frozenset()
        if ordinary_word(cleaned) or cleaned in self._name_words:
            return frozenset()
        parts = self._index.parts
        words = parts.given_words
        found: set[int] = set()
        for word in words[bisect.bisect_left(words, cleaned) :]:
            if not word.startswith(cleaned):
                break
            if 2 * len(cleaned) >= len(word):
                found |= parts.by_given[word]
        found &= self._allowed(context)
        return frozenset(found) if len(found) == 1 else frozenset()

    def _compact_typo(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "peterpettiegrew": a long run-together name with a letter or two wrong."""
        if " " in cleaned or len(cleaned) < _MIN_COMPACT_TYPO:
            return frozenset()
        choices = self._compact_choices(context)
        edits = allowed_edits(cleaned)
        hits = process.extract(cleaned, choices, scorer=OSA.distance, score_cutoff=edits, limit=4)
        if not hits:
            return frozenset()
        best = hits[0][1]
        found = {i for key, score, _ in hits if score == best for i in self._index.compact[key]}
        return frozenset(found) & self._allowed(context)

    def _compact_choices(self, context: frozenset[str]) -> list[str]:
        cached = self._compact_keys.get(context)
        if cached is None:
            allowed = self._allowed(context)
            cached = [k for k, ids in self._index.compact.items() if ids & allowed]
            self._compact_keys[context] = cached
        return cached

    def _transliterated(self, written: str, cleaned: str) -> frozenset[int]:
        if written.isascii() or len(cleaned) < _MIN_TYPO_LENGTH:
            return frozenset()
        return self._lookup("sound", sound_key(cleaned))

    def _runs(self, cleaned: str) -> frozenset[int]:
        """ "Harry James Potter Evans-Verres": a full name leading the tag. A full name later
        in it is someone else's middle and family name ("Henry James Potter")."""
        tokens = cleaned.split()
        for size in range(len(tokens) - 1, 1, -1):
            key = " ".join(tokens[:size])
            found = self._index.strong.get(key) or self._index.derived.get(key)
            if not found:
                continue
            if tokens[size] in name_words().relations or self._contains_other_name(
                " ".join(tokens[size:]), found
            ):
                return frozenset()  # "Remus Lupin mother", "Ron Weasley Harry Potter"
            people = name_words().people_words | name_words().fillers
            grouped = any(self._index.characters[i].keywords for i in found)
            if grouped and not all(t in people for t in tokens[size:]):
                return frozenset()  # "Black Family Elves": the family's, not the family
            return found
        return frozenset()

    def _after_qualifiers(self, cleaned: str, context: frozenset[str]) -> frozenset[int]:
        """ "Genius Draco Malfoy", "Retro Photographer Harry Potter", "Wormtail Peter
        Pettigrew": ordinary words (or the character's own alias) before a known name. Not
        "Harry James Potter" nor "Holly James Potter": a name before a name is a given name."""
        tokens = cleaned.split()
        for start in range(1, len(tokens)):
            head, rest = tokens[:start], " ".join(tokens[start:])
            found = self._lookup("strong", rest) or self._lookup("derived", rest)
            last = start == len(tokens) - 1
            if not found and context and last and rest not in self._anchors(context):
                found = self._index.given.get(rest, frozenset()) & self._allowed(context)
                if len(found) > 1:
                    found = self._namesake(found)  # "POC James": James Potter
                found = found if len(found) == 1 else frozenset()  # "Rye Prince": not Eileen
            if not found:
                continue
            if any(t in name_words().negations for t in head):
                return frozenset()  # "it ain't actually Moody"
            if all(self._qualifier(t) for t in head):
                return found
            return found if self._lookup("strong", " ".join(head)) == found else frozenset()
        return frozenset()

    def _qualifier(self, key: str) -> bool:
        """An ordinary word that is no part of anyone's name in the knowledge base (a filler
        word such as "the" never is, though "The Grey Lady" begins with it)."""
        if key in name_words().fillers:
            return True
        return key not in self._name_words and ordinary_word(key)

    @functools.cached_property
    def _name_words(self) -> frozenset[str]:
        index = self._index
        tables = (index.given, index.family, index.weak)
        return frozenset(t for table in tables for key in table for t in key.split())

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
        """A group named by keyword, else by anchor word; a misspelt group name counts
        ("Gryffindoor students"). Not when the tag also names one person ("Death Eater
        Snape" is Snape) or is about someone's things ("Harry's friends")."""
        if not context:
            return frozenset()
        possessive = _POSSESSIVE.search(written)
        if possessive is not None:
            return self._owners_group(written, possessive.start() + 1, context)
        people = name_words().people_words
        whole = name_key(_CHARACTER_SUFFIX.sub("", split_asides(written)[0]))
        readings = [plain] if "!" in written else [plain, whole]  # "Girl!Hufflepuff!Harry"
        families, owners = self._owners(context)
        for reading in dict.fromkeys(readings):  # "All the bad asses from Slytherin"
            groups, texts = self._groups_and_spellings(reading, context)
            found = owned_by(reading, groups, owners, families) or by_words(
                texts, groups, people, [self._without_full_names(t) for t in texts]
            )
            if found:
                break
        if not found or self._names_one_person(written, found, context):
            return frozenset()
        return found

    def _owners_group(self, written: str, cut: int, context: frozenset[str]) -> frozenset[int]:
        """ "Harry's yearmates", "Draco's Slytherin friends", "most of Harry's Hogwarts
        cohort": a group of people around someone is the group they are of. Only for words
        for people after the owner ("Harry's friends" names no group; "Harry's elves" is
        not a bunch of people), and only when someone is the owner."""
        groups = [g for fandom in context for g in self._group_words(fandom)]
        owner, rest = written[:cut], written[cut:].lstrip("s'’")
        spelt = name_key(_POSSESSIVE_S.sub(" s", written))  # keywords spell "voldemort s"
        found, keyword = best_keyword([name_key(written), spelt], groups)
        spans = [set(name_key(part).split()) & set(keyword.split()) for part in (owner, rest)]
        if found and all(spans):  # "Voldemort's followers": a keyword across the possessive
            return found
        families, owners = self._owners(context)
        found = owned_by(name_key(f"{owner} {rest}"), groups, owners, families)
        if found:  # "the Potters' elves", "Hogwarts' elves"
            return found
        plain = name_key(rest)
        people = name_words().people_words
        if not any(w in people for w in plain.split()) or _POSSESSIVE.search(rest):
            return frozenset()
        allowed = self._allowed(context)
        if not mentioned(owner, self._index, allowed) - self._grouped(context):
            return frozenset()
        groups, texts = self._groups_and_spellings(plain, context)
        found = by_words(texts, groups, people)
        if not found or self._names_one_person(rest, found, context):
            return frozenset()
        return found

    def _without_full_names(self, text: str) -> str:
        """``text`` without the full names of people in it ("harry potter"); a kind of
        character is no one's name ("original characters")."""
        tokens = text.split()
        kept: list[str] = []
        position = 0
        while position < len(tokens):
            pair = " ".join(tokens[position : position + 2])
            ids = self._index.strong.get(pair) if position + 1 < len(tokens) else None
            people = ids - self._kinds if ids else frozenset()  # "original characters" stays
            if people and not any(self._index.characters[i].keywords for i in people):
                position += 2
                continue
            kept.append(tokens[position])
            position += 1
        return " ".join(kept)

    def _groups_and_spellings(
        self, plain: str, context: frozenset[str]
    ) -> tuple[list[GroupWords], list[str]]:
        """The groups of the fandoms in context, and ``plain`` as written and respelled with
        their words (a misspelt group name counts)."""
        groups = [g for fandom in context for g in self._group_words(fandom)]
        intensifiers = name_words().intensifiers
        calm = " ".join(w for w in plain.split() if w not in intensifiers)
        texts = [plain] if calm == plain else [plain, calm]  # "the whole fucking school"
        vocabulary, known = self._vocabulary(context)
        respelled = respell(plain.split(), vocabulary, known)
        if respelled is not None:
            texts.append(respelled)
        return groups, texts

    def _names_one_person(
        self, written: str, groups: frozenset[int], context: frozenset[str]
    ) -> bool:
        people = mentioned(written, self._index, self._allowed(context))
        return len(people - self._grouped(context) - self._kinds) == 1

    @functools.cached_property
    def _kinds(self) -> frozenset[int]:
        """Kinds of character rather than people ("Original Character(s)", "Player Character
        (Hogwarts Legacy)"): a tag naming one besides a person or a group means the other."""
        return frozenset(
            i
            for i, c in enumerate(self._index.characters)
            if not c.keywords and _KIND.search(name_key(c.name))
        )

    def _owners(self, context: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The family names of the people of the fandoms in context, and the words naming
        whom a group may belong to: those family names and the groups' anchor words
        ("potter", "hogwarts"), titles aside ("Lady" is the Grey Lady's family name)."""
        cached = self._owner_cache.get(context)
        if cached is None:
            allowed = self._allowed(context) - self._grouped(context)
            families = frozenset(k for k, ids in self._index.family.items() if ids & allowed)
            families -= name_words().titles.keys()
            cached = (families, families | self._anchors(context))
            self._owner_cache[context] = cached
        return cached

    def _family_group(self, family: str, fandom: str) -> frozenset[int]:
        """The group of a fandom named "<family> family" ("Malfoy Family"), if any."""
        keyword = f"{family} family"
        return frozenset(g.position for g in self._group_words(fandom) if keyword in g.keywords)

    def _couple(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Mr and Mrs Dursley", "Mr. & Mrs. Malfoy": a couple by title, the family group."""
        tokens = [t for t in plain.split() if not name_words().several_people.fullmatch(f" {t} ")]
        titles = name_words().titles
        if len(tokens) < 3 or not all(t in titles for t in tokens[:-1]):
            return frozenset()
        found: set[int] = set()
        for fandom in context:
            found |= self._family_group(tokens[-1], fandom)
        return frozenset(found)

    def _joined_group(self, plain: str, whole: str, context: frozenset[str]) -> frozenset[int]:
        """ "The Most Noble and Ancient House of Black": an 'and' that is part of a group's
        name, not two people: a group keyword is there and every other word is an ordinary
        word ("Harry and the Weasleys" names Harry too). Two groups of one larger group
        name it ("Gryffindor and Slytherin students": Hogwarts Students)."""
        if not context:
            return frozenset()
        groups, texts = self._groups_and_spellings(plain, context)
        conjunctions = name_words().several_people
        for text in (*texts, whole):
            several = by_anchor([text], groups, name_words().people_words)
            parent = self._parent_group(several, context) if len(several) > 1 else None
            if parent is not None:
                return frozenset({parent})
        for text in texts:
            found = by_keyword([text], groups)
            if len(found) != 1:
                continue
            keywords = self._keywords(next(iter(found)))
            padded = f" {text} "
            keyword = max((k for k in keywords if f" {k} " in padded), key=len)
            rest = padded.replace(f" {keyword} ", " ", 1).split()
            own = {w for k in keywords for w in k.split()}  # "most noble and ancient"
            words = [w for w in rest if not conjunctions.fullmatch(f" {w} ") and w not in own]
            if all(self._qualifier(w) for w in words):
                return found
        return frozenset()

    def _unknown_members(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Pippy and Poppy (house elves)", "Nim & Tog the house-elves": people no book names,
        said to be of one group, are its original characters where the fandom file has a
        group of them, else of the group. Not when anyone known is named ("Harry and Ron
        (Gryffindors)")."""
        if not context:
            return frozenset()
        allowed = self._allowed(context)
        if mentioned(written, self._index, allowed) - self._grouped(context) - self._kinds:
            return frozenset()
        pieces = [p for p in identity_pieces(written) if not p.head]
        head = identity_pieces(written)[0] if pieces else None
        if head is None or self._groups_in(head.text, context):
            return frozenset()  # "the Weasleys and the Potters": groups, not unknown people
        joined = name_words().several_people
        if joined.search(f"{head.text} ") and not joined.split(f"{head.text} ")[-1].strip():
            return frozenset()  # "Pippy and the Weasleys": one of them and a group
        parts = joined.split(head.text)
        if any(self._lookup("weak", clean_name(part)) & allowed for part in parts):
            return frozenset()  # "Pippy and Harry (house elves)"
        found: set[int] = set()
        for piece in pieces:
            found |= self._original_group(f"original {piece.text}", context) or self._groups_in(
                piece.text, context
            )
        return frozenset(found) if len(found) == 1 else frozenset()

    def _chatter_group(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Really the whole order but thats a lot of tags to put": a one-letter conjunction
        in chatter ("a") joins no people; the one group named is meant when no other part names or
        seems to name anyone."""
        if not context:
            return frozenset()
        base, _asides = split_asides(written)
        joins = name_words().several_people.findall(base)
        if not all(len(j.strip()) == 1 and j.strip().isalpha() for j in joins):
            return frozenset()  # "Pippy and the Weasleys": 'and' joins someone to them
        allowed = self._allowed(context)
        found: set[int] = set()
        for part in name_words().several_people.split(base):
            ids = self._group(part, plain_name(part), context)
            if ids:
                found |= ids
            elif mentioned(part, self._index, allowed) or any(
                w.capitalised and w.key not in name_words().fillers and not ordinary_word(w.key)
                for w in words_of(part)
            ):
                return frozenset()
        return frozenset(found) if len(found) == 1 else frozenset()

    def _groups_in(self, text: str, context: frozenset[str]) -> frozenset[int]:
        groups, texts = self._groups_and_spellings(plain_name(text), context)
        return by_words(texts, groups, name_words().people_words)

    def _parent_group(self, ids: frozenset[int], context: frozenset[str]) -> int | None:
        """The one group the fandom file says all of ``ids`` belong to, if any."""
        parents = set()
        for i in ids:
            character = self._index.characters[i]
            fandom = self._kb.fandom_named(character.fandom)
            parents.add(fandom.group_parents.get(character.name) if fandom else None)
        parent = parents.pop() if len(parents) == 1 else None
        return self._index.by_name.get(parent) if parent is not None else None

    def _original_group(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Original Characters: House Elves", "Hufflepuffs (OCs)": a group whose original
        characters the fandom file names as a group of their own ("original house elves")."""
        words = name_key(written).split()
        marks = [w for w in words if w in _ORIGINAL]
        if not context or not marks:
            return frozenset()
        rest = " ".join(w for w in words if w not in _ORIGINAL and w not in _CHARACTER_WORDS)
        keys = {f"original {rest}", f"{rest} oc", f"{rest} ocs", f"oc {rest}"}
        groups = [g for fandom in context for g in self._group_words(fandom)]
        found = frozenset(g.position for g in groups if keys.intersection(g.keywords))
        if found or " " in rest or rest in self._owners(context)[0]:
            return found
        # "Professor OCs", "original student character": one of a group named by its plural
        # ("professors"), where the group has no original characters of its own
        plural = {f"{rest}s", f"{rest}es"}
        originals = {f"original {p}" for p in plural}  # "sprite OC": the original sprites
        for keys in (originals, plural):
            found = frozenset(g.position for g in groups if keys.intersection(g.keywords))
            if found:
                return found
        return found

    def _group_exactly(self, plain: str, context: frozenset[str]) -> frozenset[int]:
        """ "Slytherin OCs": the whole tag is a group keyword (before "OCs" alone is read)."""
        if not context:
            return frozenset()
        groups = [g for fandom in context for g in self._group_words(fandom)]
        return frozenset(g.position for g in groups if plain in g.keywords)

    def _other_generation(self, plain: str, written: str = "") -> frozenset[int]:
        """ "Lily Potter Jr." -> Lily Luna Potter ("Lily Potter II"), "Theodore Nott Sr." ->
        Nott Sr.: the name with its generation written the ways canonical names write it.
        The generation may stand in an aside or mid-name ("Lily Potter (the younger)", "Lily
        II Potter"), and a lone given name takes the family names of those who bear it."""
        for variant in generation_variants(plain, written):
            found = generation_of(variant)
            if found is None:
                continue
            base, label = found
            words = [" ".join(w) for w, lab in name_words().generations.items() if lab == label]
            family = base.split()[-1] if base else ""
            stems = [base, family]
            if base and " " not in base:
                bearers = self._index.given.get(base, frozenset())
                families = {self._index.characters[i].name.split()[-1] for i in bearers}
                stems += sorted(f"{base} {name_key(f)}" for f in families)
            for stem in stems:
                for word in words:
                    ids = self._lookup("strong", f"{stem} {word}")
                    if ids:
                        return ids
        return frozenset()

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
        """ "Alice Prewett" -> Alice Longbottom; asked last (see ``loose``)."""
        allowed = self._allowed(context)
        found = given_with_other_family(cleaned, self._index, allowed)
        if not found or self._index.characters[next(iter(found))].gender is None:
            return frozenset()
        if self._contains_other_name(cleaned, found):
            return frozenset()  # "Henry James Potter": someone else's full name inside
        tokens = cleaned.split()
        middle = self._index.parts.middle
        if any(tokens[0] in middle.get(i, ()) for i in self._members(tokens[-1], context)):
            return frozenset()  # "John Lupin": Remus John Lupin's middle name, not John Dawlish
        rival = rival_member(
            tokens[0],
            self._members(tokens[-1], context),
            self._dominant(tokens[-1], context),
            self._index.families,
        )
        if rival - found and not tied_by_kin(next(iter(found)), tokens[1:], self._index.families):
            return frozenset()  # "Hope Potter": Hope Lupin married, or Harry renamed?
        return self._guard(found, cleaned, context)

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

    @functools.cache  # noqa: B019 - resolvers live as long as their knowledge base
    def _group_words(self, fandom: str) -> tuple[GroupWords, ...]:
        return tuple(
            GroupWords(
                i,
                self._keywords(i),
                tuple(name_key(a) for a in self._index.characters[i].anchors),
            )
            for i in self._groups_of(fandom)
        )

    def _grouped(self, context: frozenset[str]) -> frozenset[int]:
        return frozenset(i for fandom in context for i in self._groups_of(fandom))


@functools.cache
def _run_in_labels() -> tuple[str, ...]:
    """One-word labels that may run into a name ("slytherin", "fem", "dark"), longest first."""
    words = {p[0] for p in name_words().leading if len(p) == 1 and len(p[0]) >= _MIN_RUN_IN}
    return tuple(sorted(words, key=len, reverse=True))


_RESOLVERS: weakref.WeakKeyDictionary[KnowledgeBase, CharacterResolver] = (
    weakref.WeakKeyDictionary()
)

"""Wrapped-name rules: a known name with other words around it, an aside, an "aka", a
nickname, a generation, a qualifier, an actor ("Tom Riddle (diary)", "Harold Lestrange (aka
Harry Potter)", "Genius Draco Malfoy", "Lily Potter Jr.", "Alan Rickman as Severus
Snape", "oh and Regulus"). The words around the name must not name someone else: a name
after a name is a given name ("Harry James Potter"), not the second person.
"""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

from ficshelf.wrangle.english import given_names, misspelt_word
from ficshelf.wrangle.family_rules import FamilyRules
from ficshelf.wrangle.group_rules import GroupRules
from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.loose import mentioned
from ficshelf.wrangle.names import name_key, nickname_forms, split_asides
from ficshelf.wrangle.written import (
    clean_name,
    generation_of,
    generation_variants,
    identity_pieces,
    name_words,
    plain_name,
    words_of,
)

# Letters a coined word must not share, at its start, with any word of a name.
_STEM = 4
_ABBREVIATION = re.compile(r"\b[A-Z]{2,5}\b")
_PEOPLES_ENDINGS = ("ian", "ean", "ese", "ish", "ite")


class WrappedRules:
    """The readings of a tag as a known name among other words."""

    def __init__(self, look: Lookups, groups: GroupRules, families: FamilyRules) -> None:
        self._look = look
        self._groups = groups
        self._families = families
        self._group_names: dict[frozenset[str], dict[str, list[str]]] = {}

    def with_aside(self, written: str) -> frozenset[int]:
        """ "Tom Riddle (diary)" -> "Diary Tom Riddle": an aside that completes the name, or
        a word of the name completed by the aside ("Diary Horcrux (Tom Riddle)", a married
        woman's maiden name: "Rose Nott (Weasley)"). "X!" labels count as asides
        ("Diary!Horcrux!Tom")."""
        base, asides = split_asides(written)
        *labels, base = base.split("!")
        head, said, described = base.partition(" the ")  # "Tom Riddle the horcrux from the diary"
        if said and head.strip():
            base, asides = head, (*asides, described)
        fandoms = self._look.kb.fandom_keys
        for aside in (*asides, *labels):
            if name_key(aside) in fandoms:
                continue  # "Death Eaters (Harry Potter)": which fandom, not "Death (Harry Potter)"
            words = name_key(base).split()
            keys = [f"{aside} {base}", f"{base} {aside}", *(f"{w} {aside}" for w in words)]
            # then each word of an aside that names no one, before or after the whole name
            # ("horcrux from the diary": "Diary Tom Riddle"); never with a part of the name:
            # "Lily Potter (Harry Potter)" is not "Potter Harry"
            if not self._look.lookup("strong", name_key(aside)):
                for part in name_key(aside).split():
                    keys += [f"{part} {base}", f"{base} {part}"]
            for key in dict.fromkeys(keys):
                found = self._look.lookup("strong", name_key(key))
                if found:
                    return found
        return frozenset()

    def in_pieces(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """ "Harold Lestrange (aka Harry Potter)", "Rose the House Elf", "Mentioned - Ron":
        the one character the pieces of the tag name exactly. The head of the tag counts only
        by a full name ("Rose" alone does not outweigh "the House Elf")."""
        pieces = identity_pieces(written)
        if len(pieces) < 2 and not (pieces and pieces[0].marked):  # "(aka voldy)"
            return frozenset()
        fandoms = self._look.kb.fandom_keys
        head = clean_name(pieces[0].text)
        family = self._look.index.family.get(head, frozenset()) - self._look.kinds
        if context and family & self._look.allowed(context):
            return frozenset()  # "Nott (Death Eater)": which Nott, not which group
        found: set[int] = set()
        for piece in pieces:
            if name_key(piece.text) in fandoms and not piece.marked:
                continue
            ids = self._strict(piece.text, context, given=not piece.head)
            if context:
                ids = ids & self._look.allowed(context)
            found |= ids
        if len(found) > 1:
            found -= self._look.kinds  # "(Original Character IS Harry Potter)"
        return frozenset(found) if len(found) == 1 else frozenset()

    def _strict(self, text: str, context: frozenset[str], given: bool) -> frozenset[int]:
        """Exact readings of one piece of a tag (and a unique given name if ``given``)."""
        plain, cleaned = plain_name(text), clean_name(text)
        found = self._groups.original_group(text, context)  # "(elf OC)": not any original character
        if found:
            return found
        for table, key in (("strong", plain), ("strong", cleaned), ("derived", cleaned)):
            found = self._look.lookup(table, key)
            if found:
                return found
        found = self._groups.group(text, plain, context) or self.runs(cleaned)
        if found or not given or not context:
            return found
        found = self.after_qualifiers(cleaned, context)  # "aka Japanese Draco"
        if found:
            return found
        unique = self._look.index.given.get(cleaned, frozenset()) & self._look.allowed(context)
        return unique if len(unique) == 1 else frozenset()

    def runs(self, cleaned: str) -> frozenset[int]:
        """ "Harry James Potter Evans-Verres": a full name leading the tag. A full name later
        in it is someone else's middle and family name ("Henry James Potter")."""
        tokens = cleaned.split()
        for size in range(len(tokens) - 1, 1, -1):
            key = " ".join(tokens[:size])
            found = self._look.index.strong.get(key) or self._look.index.derived.get(key)
            if not found:
                continue
            if tokens[size] in name_words().relations or self._look.contains_other_name(
                " ".join(tokens[size:]), found
            ):
                return frozenset()  # "Remus Lupin mother", "Ron Weasley Harry Potter"
            people = name_words().people_words | name_words().fillers
            grouped = any(self._look.index.characters[i].keywords for i in found)
            if grouped and not all(t in people for t in tokens[size:]):
                return frozenset()  # "Black Family Elves": the family's, not the family
            return found
        return frozenset()

    def after_qualifiers(
        self, cleaned: str, context: frozenset[str], written: str = ""
    ) -> frozenset[int]:
        """ "Genius Draco Malfoy", "Retro Photographer Harry Potter", "Wormtail Peter
        Pettigrew": ordinary words (or the character's own alias) before a known name, or
        coined ones before a whole name ("OMP Regulus Black", "Kryptonian Harry Potter").
        Not "Harry James Potter" nor "Holly James Potter": a name before a name is a given
        name, and so may be an unknown word ("Corwick Oren Vale")."""
        tokens = cleaned.split()
        capitals = {name_key(word) for word in _ABBREVIATION.findall(written)}
        for start in range(1, len(tokens)):
            head, rest = tokens[:start], " ".join(tokens[start:])
            found = self._look.lookup("strong", rest) or self._look.lookup("derived", rest)
            if found and self._aside_read_as_a_name(rest, written, found):
                continue
            last = start == len(tokens) - 1
            if not found and context and last and rest not in self._look.anchors(context):
                found = self._look.index.given.get(rest, frozenset()) & self._look.allowed(context)
                if len(found) > 1:
                    found = self._families.namesake(found)  # "POC James": James Potter
                found = found if len(found) == 1 else frozenset()  # "Rye Prince": not Eileen
            if not found:
                continue
            if any(t in name_words().negations for t in head):
                return frozenset()  # "it ain't actually Moody"
            if all(
                self._look.qualifier(t) or self._misspelt_qualifier(t) or self._era(t, context)
                for t in head
            ):
                return found
            if not last and all(self._coined(t, capitals) for t in head):
                return found
            return found if self._look.lookup("strong", " ".join(head)) == found else frozenset()
        return frozenset()

    def _aside_read_as_a_name(self, rest: str, written: str, found: frozenset[int]) -> bool:
        """ "Master of Death Harry Potter": "death harry potter" is also the key of "Death
        (Harry Potter)", whose aside names its fandom; with no brackets written, the
        fandom's words are a character's own name, so a later start reads them."""
        characters = self._look.index.characters
        return "(" not in written and all(
            split_asides(characters[i].name)[1] and name_key(characters[i].name) == rest
            for i in found
        )

    def _coined(self, key: str, capitals: set[str]) -> bool:
        """An abbreviation ("OMP") or an adjective of a people or a place ("Kryptonian")
        that is nobody's name, in the knowledge base or among common given names, nor
        begins like a word of one (not "Hadrian", "Brian", nor "Diário", which is Tom
        Riddle's "Diary")."""
        if key not in capitals and not key.endswith(_PEOPLES_ENDINGS):
            return False
        parts = self._look.index.parts
        if not key.isalpha() or key in given_names() or key in parts.by_given:
            return False
        if key in parts.by_family or key in self._look.words_in_names:
            return False
        return unidecode(key)[:_STEM] not in self._stems_of_names

    @functools.cached_property
    def _stems_of_names(self) -> frozenset[str]:
        """The beginnings of every word of every name and alias in the knowledge base."""
        index = self._look.index
        words = {
            word for table in (index.strong, index.derived) for key in table for word in key.split()
        }
        return frozenset(unidecode(word)[:_STEM] for word in words)

    def _era(self, key: str, context: frozenset[str]) -> bool:
        """ "Hogwarts Era Sirius Black", "Marauders-era Sirius", "Post-War Sirius Black": a
        word of a group of the fandom (a place, a band) or a listed qualifier, though some
        other fandom's name has it ("War Doctor"), before a full name says when or where;
        not a part of a person's name in the fandom ("Weasley Harry Potter" may be a
        married name)."""
        parts, index = self._look.index.parts, self._look.index
        bearers = (
            parts.by_given.get(key, frozenset()) | parts.by_family.get(key, frozenset())
        ) & self._look.allowed(context)
        if any(index.characters[i].gender is not None for i in bearers):
            return False  # a person's name, not a place's ("Hogwarts Castle")
        return key in self._look.group_word_set(context) or key in name_words().qualifiers

    def _misspelt_qualifier(self, key: str) -> bool:
        """An ordinary word with a typo, and no part of anyone's name ("Photorgapher Harry
        Potter"); a name before a name stays a given name, misspelt too ("Percaval
        Dumbledore" is not Albus)."""
        if key in self._look.words_in_names or key in self._look.index.parts.by_given:
            return False
        return misspelt_word(key) and not self._look.near_a_name_word(key)

    def played_by(self, written: str) -> frozenset[int]:
        """ "Alan Rickman as Severus Snape": the character is named after "as"."""
        _head, found, tail = split_asides(written)[0].partition(" as ")
        if not found:
            return frozenset()
        key = clean_name(tail)
        return self._look.lookup("strong", key) or self._look.lookup("derived", key)

    def without_nickname(self, written: str) -> frozenset[int]:
        """'Bartemius "Barty" Crouch Jr.', 'Draconian "Draco" Lucius Malfoy': the name
        without its quoted nickname, else the nickname with the family name."""
        base, _asides = split_asides(written)
        for key in nickname_forms(base):
            found = self._look.lookup("strong", key) or self._look.lookup("derived", key)
            if found:
                return found
        return frozenset()

    def other_generation(self, plain: str, written: str = "") -> frozenset[int]:
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
                bearers = self._look.index.given.get(base, frozenset())
                families = {self._look.index.characters[i].name.split()[-1] for i in bearers}
                stems += sorted(f"{base} {name_key(f)}" for f in families)
            for stem in stems:
                for word in words:
                    ids = self._look.lookup("strong", f"{stem} {word}")
                    if ids:
                        return ids
        return frozenset()

    def mentioned(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """The one person named inside chatter; not when the whole tag is a letter from
        someone else's name ("Nicolas de Mimsy-Porpington" is not Nicolas Flamel)."""
        base, asides = split_asides(written)
        fandoms = self._look.kb.fandom_keys
        kept = [a for a in asides if name_key(a) not in fandoms]
        allowed = self._look.allowed(context)
        found = mentioned(base, self._look.index, allowed)
        if not found & self._look.grouped(context):  # "Death Eater versions of Nott"
            found = mentioned(self._without_group_names(base, context), self._look.index, allowed)
        found = found.union(  # an aside is not a surname
            *(mentioned(aside, self._look.index, allowed) for aside in kept)
        )
        return self._look.guard(found, written, context) if len(found) == 1 else frozenset()

    def _without_group_names(self, text: str, context: frozenset[str]) -> str:
        """``text`` without the groups' names of several words, whose words name no one
        alone ("Death" of "Death Eater"), for when no group was read in it."""
        by_first = self._group_names.get(context)
        if by_first is None:
            keywords = {k for g in self._look.groups_in_context(context) for k in g.keywords}
            by_first = {}
            for phrase in (k for k in keywords if " " in k):
                by_first.setdefault(phrase.split()[0], []).append(phrase)
            self._group_names[context] = by_first
        words = set(name_key(text).split()) | set(re.findall(r"\w+", text.casefold()))
        found = [p for first in words & by_first.keys() for p in by_first[first]]
        if not found:
            return text  # only the phrases whose first word the text has are looked for
        return _phrases_pattern(tuple(sorted(found, key=len, reverse=True))).sub(" ", text)

    def unread_person(self, written: str, allowed: frozenset[int]) -> bool:
        """ "Petunia i Vernon Dursleyowie": one of the people joined in the tag is written in a
        way we cannot read, so naming only the other would drop them."""
        parts = name_words().several_people.split(split_asides(written)[0])
        return any(
            not mentioned(part, self._look.index, allowed)
            and any(w.capitalised and w.key not in name_words().fillers for w in words_of(part))
            for part in parts
        )


@functools.lru_cache(maxsize=4096)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of ``phrases`` (longest first), whatever spaces or punctuation
    stand between their words, maybe in the plural."""
    alternatives = "|".join(r"[\s\W]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\b(?:{alternatives})s?\b", re.I)

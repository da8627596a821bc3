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

This module only orders the readings; each family of rules lives in its own module, over
the shared ``lookups``: ``rewrite_rules`` (tags that say how to read them: an impostor, a
name written family name first, words saying how someone appears), ``wrapped_rules`` (a
name among other words), ``family_rules`` (family names, titles, kin), ``spelling_rules``
(misspelt, run together, cut short, puns), ``group_rules`` (groups of characters) and
``kind_rules`` (original characters).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ficshelf.wrangle.families import tied_by_kin
from ficshelf.wrangle.family_rules import FamilyRules
from ficshelf.wrangle.group_rules import GroupRules
from ficshelf.wrangle.kb import Character, KnowledgeBase
from ficshelf.wrangle.kind_rules import KindRules
from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.names import name_key
from ficshelf.wrangle.rewrite_rules import RewriteRules
from ficshelf.wrangle.spelling_rules import SpellingRules
from ficshelf.wrangle.wrapped_rules import WrappedRules
from ficshelf.wrangle.written import (
    TAG_KIND_SUFFIX,
    clean_name,
    plain_name,
    several_people,
    title_and_family,
)

__all__ = ["CharacterResolver", "NameMatch", "clean_name", "plain_name", "resolver_for"]


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


@dataclass(frozen=True, slots=True)
class _Tag:
    """A written name, the fandoms in context and the cleaned forms the readings share."""

    written: str
    context: frozenset[str]
    plain: str  # without asides ("Sirius Black (mentioned)" -> "sirius black")
    cleaned: str  # also without labels, honorifics and qualifiers ("Fem!Harry" -> "harry")

    @classmethod
    def of(cls, written: str, context: frozenset[str]) -> _Tag:
        return cls(written, context, plain_name(written), clean_name(written))


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way to read a tag: what the match will say of how, and the ids it names. A
    reading that does not apply (``when`` false) is skipped without being read."""

    how: str
    read: Callable[[], frozenset[int]]
    when: bool = True


class CharacterResolver:
    """Resolves written names against one knowledge base; results are cached."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._look = Lookups(kb)
        self._groups = GroupRules(self._look)
        self._families = FamilyRules(self._look, self._groups, self._reading)
        self._spelling = SpellingRules(self._look)
        self._wrapped = WrappedRules(self._look, self._groups, self._families)
        self._rewrites = RewriteRules(self._look, self._reading)
        self._kinds = KindRules(self._look, self._wrapped)
        self._cache: dict[tuple[str, frozenset[str]], NameMatch] = {}

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

    def _person(self, written: str, context: frozenset[str]) -> Character | None:
        return self.resolve(written, context).character

    def _reading(self, written: str, context: frozenset[str]) -> tuple[Character | None, str]:
        match = self.resolve(written, context)
        return match.character, match.how

    # -- the readings, loosest last ------------------------------------------------------

    def _resolve(self, written: str, context: frozenset[str]) -> NameMatch:
        context = context | self._look.fandoms_in_asides(written)
        rewritten = self._rewrites.rewritten(written, context)
        if rewritten is not None:
            return NameMatch(written, *rewritten)
        tag = _Tag.of(written, context)
        if several_people(written):
            exact = self._exact(tag)
            if _LISTED.search(written):  # "Moony, Wormtail and Padfoot": not Moony alone
                exact = [reading for reading in exact if reading.how not in _OF_PLAIN]
            readings = [self._all_members(tag), *exact, *self._several(tag)]
            match = self._first_of(tag, readings, "several people")
            return self._respelled(tag, match) or match
        match = self._first_of(tag, [*self._exact(tag), *self._one_person(tag)], "unknown")
        return (
            self._namesake_by_kin(tag, match)
            or self._person_not_kind(tag, match)
            or self._whole_name_loosely(tag, match)
            or self._respelled(tag, match)
            or self._unstretched(tag, match)
            or self._translated(tag, match)
            or self._gendered_match(tag, match)
        )

    def _exact(self, tag: _Tag) -> list[_Reading]:
        """Readings by the name as written or barely cleaned: any tag may be one of these."""
        look, groups, wrapped = self._look, self._groups, self._wrapped
        written, context, plain, cleaned = tag.written, tag.context, tag.plain, tag.cleaned
        as_tagged = TAG_KIND_SUFFIX.sub("", written)  # "Diary!Tom - Character"
        return [
            _Reading("name as written", lambda: look.lookup("strong", name_key(written))),
            _Reading("name as written", lambda: look.lookup("strong", name_key(as_tagged))),
            _Reading(
                "someone's relative, said in an aside",
                lambda: self._families.kin_in_aside(written, context),
            ),
            _Reading(
                "original characters of a group", lambda: groups.original_group(written, context)
            ),
            _Reading("other generation", lambda: wrapped.other_generation(plain, written)),
            _Reading("name completed by its aside", lambda: wrapped.with_aside(written)),
            _Reading(_KIND_ASIDE, lambda: self._kinds.said_in_aside(written, context)),
            _Reading("name without asides", lambda: look.lookup("strong", plain)),
            _Reading("group name", lambda: groups.group_exactly(plain, context)),
            _Reading("known name", lambda: look.lookup("strong", cleaned)),
            _Reading("known name without middle names", lambda: look.lookup("derived", plain)),
            _Reading("known name without middle names", lambda: look.lookup("derived", cleaned)),
            _Reading("name without its nickname", lambda: wrapped.without_nickname(written)),
        ]

    def _several(self, tag: _Tag) -> list[_Reading]:
        """Readings of a tag joining several people ("Mr and Mrs Dursley", "Pippy and Poppy
        (house elves)"): a group, or the one person named among chatter."""
        groups, wrapped = self._groups, self._wrapped
        written, context, plain = tag.written, tag.context, tag.plain
        allowed = self._look.allowed(context) if context else frozenset()
        return [
            _Reading("group name with 'and'", lambda: groups.joined_group(plain, written, context)),
            _Reading("a couple by title", lambda: groups.couple(plain, context)),
            _Reading("members of a family", lambda: groups.family_members(written, context)),
            _Reading(
                "unnamed members of a group", lambda: groups.unknown_members(written, context)
            ),
            _Reading("group in chatter", lambda: groups.chatter_group(written, context)),
            _Reading(
                "name mentioned",
                lambda: self._mentioned_alone(written, context),
                when=bool(context) and not wrapped.unread_person(written, allowed),
            ),
        ]

    def _all_members(self, tag: _Tag) -> _Reading:
        """ "Moony, Wormtail, Padfoot and Prongs": before any one name of a list is read as
        the tag's, the list may be every member of a group."""
        return _Reading(
            "every member of a group",
            lambda: self._groups.members_listed(tag.written, tag.context, self._person),
        )

    def _mentioned_alone(self, written: str, context: frozenset[str]) -> frozenset[int]:
        """The one person or group named among chatter, unless it is a group joined to
        another ("Hogwarts staff and students" is not the staff alone)."""
        found = self._wrapped.mentioned(written, context)
        if found & self._look.grouped(context) and self._groups.joined_to_another(
            written, found, context
        ):
            return frozenset()
        return found

    def _one_person(self, tag: _Tag) -> list[_Reading]:
        """Readings of a tag naming one person, ever looser; the loose ones only with a
        fandom in context."""
        groups, families, spelling, wrapped = (
            self._groups,
            self._families,
            self._spelling,
            self._wrapped,
        )
        written, context, plain, cleaned = tag.written, tag.context, tag.plain, tag.cleaned
        titled = title_and_family(plain) is not None
        return [
            _Reading("someone's relative or pet", lambda: families.kin(written, context)),
            _Reading("name with its aside", lambda: wrapped.with_aside(written)),
            _Reading("named in an aside or 'aka'", lambda: wrapped.in_pieces(written, context)),
            _Reading("starts with a full name", lambda: wrapped.runs(cleaned)),
            _Reading("first and last name", lambda: self._look.first_and_last(cleaned)),
            _Reading(
                "known name after qualifiers",
                lambda: wrapped.after_qualifiers(cleaned, context, written),
            ),
            _Reading("group keyword", lambda: groups.group(written, plain, context)),
            _Reading("name after 'as'", lambda: wrapped.played_by(written)),
            _Reading("title and family name", lambda: families.titled(plain, context), when=titled),
            _Reading(
                "given or family name",
                lambda: families.weak(cleaned, context, written),
                when=not titled,
            ),
            _Reading("fanon given name", lambda: families.fanon_given(cleaned, context)),
            _Reading("name without spaces", lambda: spelling.compact(cleaned)),
            _Reading("given name and initials", lambda: spelling.initials(cleaned)),
            _Reading(
                "name mentioned", lambda: wrapped.mentioned(written, context), when=bool(context)
            ),
            _Reading("transliterated", lambda: spelling.transliterated(written, cleaned)),
            _Reading(
                "someone unknown of a group", lambda: groups.unknown_members(written, context)
            ),
            *(self._loosest(tag) if context else ()),
        ]

    def _loosest(self, tag: _Tag) -> list[_Reading]:
        """The last readings of a tag naming one person: near spellings, parts of names and
        puns, which only a fandom in context narrows enough."""
        families, spelling = self._families, self._spelling
        context, cleaned = tag.context, tag.cleaned
        tagged = TAG_KIND_SUFFIX.search(tag.written) is not None
        return [
            _Reading(
                "close spelling of a known name", lambda: spelling.respelled(cleaned, context)
            ),
            _Reading("names the character goes by", lambda: families.by_parts(cleaned, context)),
            _Reading(
                "beginning of a given name",
                lambda: spelling.given_prefix(cleaned, context, tagged=tagged),
            ),
            _Reading(
                "given name, other family name", lambda: families.given_name(cleaned, context)
            ),
            _Reading(
                "close spelling without spaces", lambda: spelling.compact_typo(cleaned, context)
            ),
            _Reading(
                "family name after ordinary words",
                lambda: families.qualified_family(cleaned, context),
            ),
            _Reading("a pun on a name", lambda: spelling.pun(cleaned, context)),
        ]

    def _gendered_match(self, tag: _Tag, match: NameMatch) -> NameMatch:
        """The match, made the original female or male character when the tag says so."""
        if match.character is None:
            return match
        ids = self._look.ids_of(match.character)
        narrower = self._kinds.gendered(ids, tag.written)
        if narrower == ids:
            return match
        character = self._look.index.characters[next(iter(narrower))]
        return NameMatch(tag.written, character, f"{match.how}, said to be a woman or a man")

    def _namesake_by_kin(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """ "Lily Weasley-Potter": a name read by its first and last words, with a family
        name between them that is not the character's own but the family of a namesake's
        kin (Lily Luna's mother is a Weasley; Lily Evans Potter has no Weasley kin)."""
        if match.character is None or match.how not in _READ_BY_FIRST_AND_LAST:
            return None
        look = self._look
        index = look.index
        tokens = tag.cleaned.split()
        found = next(iter(look.ids_of(match.character)))
        own = index.parts.given.get(found, frozenset()) | index.parts.family.get(found, frozenset())
        others = [t for t in tokens[1:] if t not in own and t in index.parts.by_family]
        if not others or tied_by_kin(found, others, index.families):
            return None
        allowed = look.allowed(tag.context) if tag.context else frozenset(index.parts.given)
        namesakes = {
            i
            for i in index.given.get(tokens[0], frozenset()) & allowed
            if i != found and tied_by_kin(i, others, index.families)
        }
        if len(namesakes) != 1:
            return None
        namesake = index.characters[next(iter(namesakes))]
        return NameMatch(tag.written, namesake, f"namesake by kin: {', '.join(others)}")

    def _person_not_kind(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """ "OMC - Clone Draco/Silver": a kind of character ("Original Male Character") read
        beside one person named in the tag's pieces means the person."""
        look = self._look
        if match.character is None or not look.ids_of(match.character) <= look.kinds:
            return None
        if match.how == _KIND_ASIDE:
            return None  # "Luna (OFC)": the aside says what the name is
        person = self._wrapped.in_pieces(tag.written, tag.context) - look.kinds
        if len(person) != 1:
            return None
        return NameMatch(tag.written, look.index.characters[next(iter(person))], "named")

    def _whole_name_loosely(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """A name of several words no reading made out, read as a whole with typos forgiven
        or by a family name after a given name nobody has; asked last, as these guess most.
        Not after a reading found it ambiguous: a guess must not break a tie."""
        written, context, cleaned = tag.written, tag.context, tag.cleaned
        if match.character is not None or match.how.startswith("ambiguous") or not context:
            return None
        if len(cleaned.split()) < 2:
            return None
        look = self._look
        typo = self._spelling.typo(cleaned, context)
        if typo is not None and not look.contains_other_name(cleaned, look.ids_of(typo[0])):
            return NameMatch(written, typo[0], typo[1])
        families = self._families
        for reading in (
            _Reading(
                "close spelling of names it goes by",
                lambda: families.by_parts(cleaned, context, loose=True),
            ),
            _Reading(
                "family name, other given name", lambda: families.renamed(written, cleaned, context)
            ),
        ):
            ids = reading.read()
            if len(ids) == 1:
                return NameMatch(written, look.index.characters[next(iter(ids))], reading.how)
        return None

    def _respelled(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """The tag read again with its misspelt words corrected ("Mrs. Wesaley" as "Mrs.
        Weasley"), when no reading made it out."""
        if match.character is not None or match.how.startswith("ambiguous") or not tag.context:
            return None
        respelled = self._spelling.respelled_tag(tag.written, tag.context)
        if respelled is None:
            return None
        found = self.resolve(respelled, tag.context)
        if found.character is None:
            return None
        return NameMatch(tag.written, found.character, f"misspelt: {found.how}")

    def _unstretched(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """ "Naginiiiii", "Dracoooo": a name with a letter held for effect, read again with
        the run cut to two letters, then to one."""
        if match.character is not None or match.how.startswith("ambiguous") or not tag.context:
            return None
        for kept in (2, 1):
            shortened = _cut_held_letters(tag.written, kept)
            if shortened == tag.written:
                return None
            found = self.resolve(shortened, tag.context)
            if found.character is not None:
                return NameMatch(tag.written, found.character, f"letters held: {found.how}")
        return None

    def _translated(self, tag: _Tag, match: NameMatch) -> NameMatch | None:
        """A title and family name in another language, when no reading made them out."""
        if match.character is not None or match.how.startswith("ambiguous"):
            return None
        found = self._rewrites.translated(tag.written, tag.context)
        return None if found is None else NameMatch(tag.written, *found)

    def _first_of(self, tag: _Tag, readings: Iterable[_Reading], failure: str) -> NameMatch:
        """The first reading naming exactly one character; stops if one names several."""
        written, context = tag.written, tag.context
        seen: tuple[Character, ...] = ()
        for reading in readings:
            if not reading.when:
                continue
            ids = reading.read()
            if not ids:
                continue
            chosen, seen = self._choose(ids, context)
            if chosen is not None:
                return NameMatch(written, chosen, reading.how)
            if seen and self._in_context(seen, context):
                lead = self._the_lead(seen, context)
                if lead is not None:
                    return NameMatch(written, lead, f"{reading.how}, the lead of namesakes")
                return NameMatch(written, None, f"ambiguous ({reading.how})", seen)
        return NameMatch(written, None, failure, seen)

    def _the_lead(self, found: tuple[Character, ...], context: frozenset[str]) -> Character | None:
        """Of namesakes in the one fandom in context, the one near the top of its cast when
        the others are far down it ("Tom" is Tom Riddle, not Tom the innkeeper)."""
        if len(context) != 1:
            return None
        return clear_lead(self._look.kb, found)

    def _choose(
        self, ids: Iterable[int], context: frozenset[str]
    ) -> tuple[Character | None, tuple[Character, ...]]:
        found = tuple(self._look.index.characters[i] for i in sorted(ids))
        if context:
            in_context = tuple(c for c in found if c.fandom in context)
            if in_context:
                return (in_context[0] if len(in_context) == 1 else None), in_context
            return None, found
        return (found[0] if len(found) == 1 else None), found

    @staticmethod
    def _in_context(found: tuple[Character, ...], context: frozenset[str]) -> bool:
        return not context or any(c.fandom in context for c in found)


# A lead of namesakes comes this near the top of its cast, the others this much further down.
_LEAD = 0.1
_FAR_DOWN = 0.3


def clear_lead(kb: KnowledgeBase, found: Iterable[Character]) -> Character | None:
    """Of several characters one name could mean, the one near the top of its cast when
    every other is far down it; None when two are comparably central, where any choice
    would be a guess."""
    standing = kb.standing
    ranked = sorted(found, key=lambda c: standing.get((c.fandom, c.name), 1.0))
    if len(ranked) < 2:
        return ranked[0] if ranked else None
    first = standing.get((ranked[0].fandom, ranked[0].name), 1.0)
    second = standing.get((ranked[1].fandom, ranked[1].name), 1.0)
    return ranked[0] if first <= _LEAD and second - first >= _FAR_DOWN else None


_KIND_ASIDE = "an original character, said in an aside"
# Readings of a tag's plain or cleaned form, which keeps only the first of a list ("Moony,
# Wormtail, Padfoot and Prongs" is "moony"): not asked of a list of people.
_OF_PLAIN = frozenset(
    {"name without asides", "group name", "known name", "known name without middle names"}
)
_LISTED = re.compile(r",\s*\S")
# Readings that take a name by its first and last words, over others between them.
_READ_BY_FIRST_AND_LAST = frozenset({"first and last name", "starts with a full name"})
_HELD_LETTER = re.compile(r"([^\W\d_])\1{2,}")


def _cut_held_letters(text: str, kept: int) -> str:
    """``text`` with each lower-case letter written three or more times running cut to
    ``kept`` ("Harryyyy"; not a numeral such as "III")."""
    return _HELD_LETTER.sub(
        lambda m: m.group(1) * kept if m.group(1).islower() else m.group(0), text
    )


_RESOLVERS: weakref.WeakKeyDictionary[KnowledgeBase, CharacterResolver] = (
    weakref.WeakKeyDictionary()
)

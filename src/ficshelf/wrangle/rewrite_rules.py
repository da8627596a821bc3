"""Rewrite rules: tags that say how to read them before any reading does. Someone else
wearing a name ("Alastor Moody (Impersonator)"), a name written family name first ("Malfoy,
Lucius"), words that only say how a character appears ("Mr Lupin only mentioned"). Each is
read again, rewritten, by the resolver it is given, so the other rules see the plain tag.
A title and family name in another language ("мистер Малфой") is rewritten too, but only
after every reading failed, as translated aliases are known names of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ficshelf.wrangle.kb import Character
from ficshelf.wrangle.lookups import Lookups
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.written import (
    denies,
    family_first,
    inside_brackets,
    name_words,
    says_given_name,
    says_impostor,
    title_after,
    without_appearance,
    without_denial,
)

_LATIN = re.compile(r"[a-z]+")
# Words that say "every one of them" before a noun for one of a group.
_EVERY = (("every", "other"), ("all", "other"), ("every",), ("each",), ("any",))

# What a reading found and how: the character (None for no one) and the reason.
Reading = tuple[Character | None, str]
# Reads a rewritten tag in a context, as the resolver reads any tag.
ReadTag = Callable[[str, frozenset[str]], Reading]


class RewriteRules:
    """The readings of a tag by what it says about how to read it."""

    def __init__(self, look: Lookups, read: ReadTag) -> None:
        self._look = look
        self._read = read

    def rewritten(self, written: str, context: frozenset[str]) -> Reading | None:
        """The reading of a tag that says how to read it; None for any other tag."""
        if says_impostor(written):
            return self._fake_of(written, context) or (None, "someone else wearing the name")
        if denies(written):
            fake = self._fake_of(written, context)  # "it ain't actually Moody"
            if fake is not None:
                return fake
        return (
            self._unwrapped(written, context)
            or self._family_first(written, context)
            or self._without_appearance(written, context)
            or self._every_one(written, context)
        )

    def _unwrapped(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "(minor Fred Weasley II)": a tag wholly in brackets is read as its inside, not as
        an aside to no name."""
        inside = inside_brackets(written)
        return None if inside is None else self._read(inside, context)

    def translated(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "韦斯莱夫人", "мистер Малфой", "马尔福": a family name in another script, with a
        title before it or, in Chinese and Japanese, after it, read as written in English
        ("Mrs Weasley", "Mr Malfoy", "Malfoy"). Asked when no reading made the tag out, and
        only of a tag that is all title and family names: "Принц-Полукровка" (the Half-Blood
        Prince) has a word that is no family name, so it is not Eileen Prince."""
        before = name_words().translated_titles["before"]
        first = name_key(written).split()[:1]
        if not context or (written.isascii() and not (first and first[0] in before)):
            return None  # nothing in another script, no title of another language
        name, title = title_after(written.strip())
        foreign = self._look.foreign_families
        tokens = name_key(name).split()
        english = [foreign.get(token, token) for token in tokens]
        if len(english) > 1 and english[0] in before:
            english[0] = before[english[0]]
        unchanged = english == tokens and title is None
        if unchanged or not all(_LATIN.fullmatch(word) for word in english):
            return None
        character, how = self._read(" ".join([title, *english] if title else english), context)
        return None if character is None else (character, f"translated: {how}")

    def _every_one(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "Every other professor", "each Hufflepuff": one of many said of all of them, read
        as the many ("professors"): a group, or no one."""
        words = name_key(split_asides(written)[0]).split()
        for lead in _EVERY:
            if len(words) > len(lead) and tuple(words[: len(lead)]) == lead:
                *between, last = words[len(lead) :]
                break
        else:
            return None
        if not context or last.endswith("s"):
            return None
        character, how = self._read(" ".join(["all", *between, f"{last}s"]), context)
        if character is None or not character.keywords:
            return None
        return character, f"every one of a group: {how}"

    def _without_appearance(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "Mr Lupin only mentioned", "Good Mrs. Weasley": the tag read without the words
        saying how the character appears, unless the whole tag is a known name ("Dark
        Lord")."""
        bare = without_appearance(written, self._look.kb.fandom_keys)
        if bare == written or self._look.lookup("strong", name_key(written)):
            return None
        character, how = self._read(bare, context)
        return None if character is None else (character, how)

    def _fake_of(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "Alastor Moody (Impersonator)", "it ain't actually Moody": someone else wearing
        the name, whom the fandom file calls the fake of that person ("Fake Moody": Barty
        Crouch Jr.), if it does."""
        worn = self._read(without_denial(written), context)[0] if context else None
        if worn is None or worn.keywords:
            return None
        look = self._look
        words = name_key(split_asides(worn.name)[0]).split()
        for key in dict.fromkeys((" ".join(words), words[-1], words[0])):
            for form in (f"fake {key}", f"{key} impostor"):
                found = look.lookup("strong", form) & look.allowed(context)
                if len(found) == 1 and found != look.ids_of(worn):
                    return look.index.characters[next(iter(found))], "the fake of someone"
        return None

    def _family_first(self, written: str, context: frozenset[str]) -> Reading | None:
        """ "Malfoy, Lucius", "Lupin, Mrs.": a family name of people of the fandoms in context
        before a comma is the name written family name first, read in the usual order; if
        that names no one, neither does the tag ("Malfoy, Georgina" is not Draco, whom
        "Malfoy" alone means). "Dobby, the house elf" is Dobby described."""
        found = family_first(written)
        if found is None or not context:
            return None
        family, turned = found
        vocab = name_words()
        if family in vocab.relations or family in vocab.people_words:
            return None  # "mother, Remus'", "Characters, Gryffindor"
        look = self._look
        index = look.index
        members = index.family.get(family, frozenset()) | index.parts.by_family.get(
            family, frozenset()
        )
        if not members & look.allowed(context) - look.grouped(context) - look.kinds:
            return None
        character, how = self._read(turned, context)
        if character is not None:
            return character, f"family name first: {how}"
        if says_given_name(written):
            return None, "family name first, no one known"
        return None

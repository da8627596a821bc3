"""Freeforms about one character, as AO3 wrangles them: a descriptor with the character's
canonical name ("Abused!Harry" -> "Abused Harry Potter", "Dumbledore bashing" -> "Albus
Dumbledore Bashing", "Dumbledore is evil" -> "Evil Albus Dumbledore").

The descriptors are data (``data/kb/character_freeforms.toml``); the name must be read as
exactly one character of the fandoms in context, so this needs the work's fandom.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ficshelf.vocab import chatter
from ficshelf.wrangle.characters import CharacterResolver
from ficshelf.wrangle.freeform_words import FREEFORM_SUFFIX
from ficshelf.wrangle.freeforms import strip_filler
from ficshelf.wrangle.names import name_key, split_asides
from ficshelf.wrangle.written import plain_name

_BANG = re.compile(r"\s*!\s*")
# "Dumbledore's manipulative": an "'s" before more words says "is" or whose; at the end
# ("Good Malfoy's") it is more often a plural written with an apostrophe.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b(?=\s+\w)")
_LINKING = frozenset({"is", "was", "being", "as", "still", "openly", "an"})
# Readings that make out a name, not a name found among other words or guessed from a pun.
_NAME_READINGS = (
    "name as written",
    "name without asides",
    "known name",
    "known name without middle names",
    "given or family name",
    "title and family name",
    "close spelling of a known name",
    "group name",
    "first and last name",
    "name without spaces",
    "fanon given name",
)


@dataclass(frozen=True, slots=True)
class _Descriptor:
    shown: str  # as AO3 writes it
    before: bool  # AO3 puts it before the name


@functools.cache
def _descriptors() -> dict[tuple[str, ...], _Descriptor]:
    """Each way of writing a descriptor, as words, and the descriptor it is."""
    path = resources.files("ficshelf.data").joinpath("kb", "character_freeforms.toml")
    data = tomllib.loads(path.read_text("utf-8"))
    table: dict[tuple[str, ...], _Descriptor] = {}
    for side, before in (("before", True), ("after", False)):
        for shown, written in data[side].items():
            for phrase in (shown, *written):
                table[tuple(name_key(phrase).split())] = _Descriptor(shown, before)
    return table


def character_freeform(
    written: str, resolver: CharacterResolver, context: frozenset[str]
) -> tuple[str, str] | None:
    """(canonical, how) for a freeform made of a descriptor and one character's name of the
    fandoms in ``context``; None otherwise."""
    if not context:
        return None
    text = FREEFORM_SUFFIX.sub("", split_asides(written)[0])
    text = _POSSESSIVE.sub("", text)
    words = name_key(_BANG.sub(" ", strip_filler(text))).split()
    for descriptor, name in _splits(words):
        match = resolver.resolve(name, context)
        if match.character is None or not _only_a_name(name, match.how):
            continue
        canonical = match.character.name
        tag = (
            f"{descriptor.shown} {canonical}"
            if descriptor.before
            else f"{canonical} {descriptor.shown}"
        )
        return tag, f"about one character: {canonical} ({match.how}), {descriptor.shown}"
    return None


def fandom_of_character_freeform(written: str, resolver: CharacterResolver) -> str | None:
    """The fandom of the one character a freeform is about, read with no fandom in context
    ("Good Draco Malfoy"); None when it names nobody, or nobody for sure."""
    words = name_key(_BANG.sub(" ", split_asides(written)[0])).split()
    for _descriptor, name in _splits(words):
        match = resolver.resolve(name)
        if match.character is not None and _only_a_name(name, match.how):
            return match.character.fandom
    return None


def _only_a_name(name: str, how: str) -> bool:
    """Whether ``name`` was read as a name and is nothing else: no description after it
    ("Harry Potter is a Horcrux"), no second descriptor ("Female Harry is smart")."""
    if not how.startswith(_NAME_READINGS) or plain_name(name) != name_key(name):
        return False
    table = _descriptors()
    return not any((word,) in table for word in name.split())


def _splits(words: list[str]) -> list[tuple[_Descriptor, str]]:
    """Every (descriptor, name) the words can be cut into: the descriptor first or last,
    longest first; between a name and a descriptor after it, "is", "as" and words that only
    say how much ("Draco is so gay")."""
    table = _descriptors()
    empty = chatter().empty_words
    found: list[tuple[_Descriptor, str]] = []
    for size in range(min(len(words) - 1, 4), 0, -1):
        head, rest = tuple(words[:size]), words[size:]
        if head in table:
            found.append((table[head], " ".join(rest)))
        tail, front = tuple(words[-size:]), words[:-size]
        while len(front) > 1 and (front[-1] in _LINKING or front[-1] in empty):
            front = front[:-1]  # "Draco is a veela", "Draco is so gay"
        if tail in table:
            found.append((table[tail], " ".join(front)))
    return found

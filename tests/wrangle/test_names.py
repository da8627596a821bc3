"""Characters: every way a name is written reaches the canonical character, in context."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import Character, KnowledgeBase

HP = frozenset({"Harry Potter - J. K. Rowling"})
NARUTO = frozenset({"Naruto"})


@pytest.mark.parametrize(
    ("written", "context", "canonical"),
    [
        ("Iruka", NARUTO, "Umino Iruka"),
        ("Umino Iruka", NARUTO, "Umino Iruka"),
        ("Iruka Umino", NARUTO, "Umino Iruka"),
        ("Iruka-sensei", NARUTO, "Umino Iruka"),
        ("Iruka-kun", NARUTO, "Umino Iruka"),
        ("Kashi", NARUTO, "Hatake Kakashi"),
        ("Sirius Black (mentioned)", HP, "Sirius Black"),
        ("Past Sirius Black", HP, "Sirius Black"),
        ("Alpha Aberforth Dumbledore", HP, "Aberforth Dumbledore"),
        ("Professor Snape", HP, "Severus Snape"),
        ("Dumbeldore", HP, "Albus Dumbledore"),
        ("Абраксас Малфой", HP, "Abraxas Malfoy"),
        ("Harry P.", HP, "Harry Potter"),
        ("Fem!Harry Potter", HP, "Harry Potter"),
        ("Draco Malfoy - Character", HP, "Draco Malfoy"),
        ("Mad-Eye Moody (Harry Potter)", frozenset(), 'Alastor "Mad-Eye" Moody'),
        ("Various Slytherins", HP, "Slytherin Students"),
        ("Dobby the House Elf", HP, "Dobby (Harry Potter)"),
        ("Alan Rickman as Severus Snape", HP, "Severus Snape"),
        ("James Potter (mentioned)", HP, "James Potter"),
        ("Cloud S.", frozenset(), "Cloud Strife"),
        ("Death Eaters (Harry Potter)", HP, "Death Eaters"),  # not Death (Harry Potter)
        ("Minister for Magic Hermione Granger", HP, "Hermione Granger"),  # a title's phrase
    ],
)
def test_written_names_reach_the_canonical_character(
    kb: KnowledgeBase, written: str, context: frozenset[str], canonical: str
) -> None:
    match = resolver_for(kb).resolve(written, context)
    assert match.character is not None, match.how
    assert match.character.name == canonical
    assert match.how


@pytest.mark.parametrize(
    ("written", "context"),
    [
        ("Harry", frozenset()),  # Harry Potter? Harry Watson? no guess without a fandom
        ("Weasley", HP),  # which Weasley? (the fandom file names no one for it)
        ("Bellatrix & Andromeda & Harry Potter", HP),  # several people, not one family
        ("Dumbeldore", frozenset()),  # typos only within a fandom
        ("Azkaban Sirius Black", HP),  # a word before Sirius's full name: not his namesake James
        ("Minister for Magic", HP),  # which of the four?
    ],
)
def test_ambiguous_names_are_not_guessed(
    kb: KnowledgeBase, written: str, context: frozenset[str]
) -> None:
    assert resolver_for(kb).resolve(written, context).character is None


def test_fandom_in_context_disambiguates(kb: KnowledgeBase) -> None:
    resolver = resolver_for(kb)
    assert resolver.resolve("Harry", HP).character == kb.character_named("Harry Potter")
    sherlock = resolver.resolve("Harry", frozenset({"Sherlock (TV)"})).character
    assert sherlock is not None and sherlock.name == "Harry Watson"


def test_false_merge_guard_two_similar_characters_stay_apart() -> None:
    kb = KnowledgeBase(
        characters=[
            Character("Fred Weasley", "Test Fandom", "m"),
            Character("Ted Weasley", "Test Fandom", "m"),
        ]
    )
    match = resolver_for(kb).resolve("Red Weasley", frozenset({"Test Fandom"}))
    assert match.character is None

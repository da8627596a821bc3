"""Ordinary words before a known name are read past; a name before a name is another person."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.english import ordinary_word
from ficshelf.wrangle.kb import Character, KnowledgeBase, parse_fandom_file

MEADOW = frozenset({"Meadow"})


@pytest.fixture(scope="module")
def meadow() -> KnowledgeBase:
    """An invented fandom: two Quillfeathers sharing a family name, a lone Brack."""
    cast = [
        Character("Osric Quillfeather", "Meadow", "m", ("Inkpot",)),
        Character("Tobin Osric Quillfeather", "Meadow", "m"),
        Character("Perdita Brack", "Meadow", "f"),
        Character("Tamsin Quillfeather", "Meadow", "f"),
    ]
    return KnowledgeBase(characters=cast)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Genius Osric Quillfeather", "Osric Quillfeather"),
        ("Retro Photographer Osric Quillfeather - Character", "Osric Quillfeather"),
        ("Vietnamese Perdita Brack", "Perdita Brack"),
        ("POC Perdita Brack", "Perdita Brack"),
        ("Off-Screen Perdita Brack", "Perdita Brack"),
        ("Out of Character Perdita - Character", "Perdita Brack"),
        ("grumpy Perdita", "Perdita Brack"),
        ("Inkpot Osric Quillfeather", "Osric Quillfeather"),
        ("Tobin Osric Quillfeather", "Tobin Osric Quillfeather"),
    ],
)
def test_qualifiers_before_a_known_name(
    meadow: KnowledgeBase, written: str, canonical: str
) -> None:
    match = resolver_for(meadow).resolve(written, MEADOW)
    assert match.character is not None
    assert match.character.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Holly Osric Quillfeather",  # a given name before a full name: someone else
        "Henry Osric Quillfeather",
        "Perdita Osric Quillfeather",  # a name of the fandom before a full name
        "Rye Brack",  # an ordinary word before a family name alone: a new given name
        "Genius Quillfeather",  # two Quillfeathers
    ],
)
def test_names_before_a_name_are_not_qualifiers(meadow: KnowledgeBase, written: str) -> None:
    match = resolver_for(meadow).resolve(written, MEADOW)
    assert match.character is None


def test_harry_james_potter_stays_harry(kb: KnowledgeBase) -> None:
    context = frozenset({"Harry Potter - J. K. Rowling"})
    resolver = resolver_for(kb)
    harry = resolver.resolve("Harry James Potter", context).character
    assert harry is not None and harry.name == "Harry Potter"
    genius = resolver.resolve("Genius Draco Malfoy - Character", context).character
    assert genius is not None and genius.name == "Draco Malfoy"
    assert resolver.resolve("Euphemia Potter", context).character != harry


@pytest.mark.parametrize(
    ("word", "ordinary"),
    [
        ("genius", True),
        ("kingpin", True),
        ("vietnamese", True),
        ("poc", True),
        ("henry", False),
        ("holly", False),
        ("hope", False),
        ("draco", False),
        ("xqzv", False),
    ],
)
def test_ordinary_words(word: str, ordinary: bool) -> None:
    assert ordinary_word(word) is ordinary


def test_a_negation_before_a_name_is_not_a_qualifier(meadow: KnowledgeBase) -> None:
    assert resolver_for(meadow).resolve("not actually Perdita Brack", MEADOW).character is None


def test_filler_words_before_a_name(meadow: KnowledgeBase) -> None:
    found = resolver_for(meadow).resolve("Out of Character Perdita Brack", MEADOW).character
    assert found is not None and found.name == "Perdita Brack"


def test_a_fandom_named_for_its_hero_is_the_hero_after_words() -> None:
    """ "Master of Storm Ansel Brack": the fandom is named for Ansel Brack, so "Storm (Ansel
    Brack)" has the key "storm ansel brack"; written without brackets, those words are a
    title before the hero, not the storm."""
    fandom, cast = parse_fandom_file(
        {
            "name": "Ansel Brack - Ida Morrow",
            "aliases": ["Ansel Brack"],
            "characters": {"male": {"Ansel Brack": []}, "other": {"Storm (Ansel Brack)": []}},
        },
        "ansel.toml",
    )
    kb = KnowledgeBase(fandoms=[fandom], characters=cast)
    context = frozenset({fandom.name})
    resolver = resolver_for(kb)
    hero = resolver.resolve("Master of Storm Ansel Brack", context).character
    assert hero is not None and hero.name == "Ansel Brack"
    storm = resolver.resolve("mentioned Storm (Ansel Brack)", context).character
    assert storm is not None and storm.name == "Storm (Ansel Brack)"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Riverhold Era Perdita Brack", "Perdita Brack"),  # a group's word: when or where
        ("Riverhold-era Perdita Brack", "Perdita Brack"),
        ("Post-War Perdita Brack", "Perdita Brack"),
        ("Quillfeather Perdita Brack", None),  # a family name of the fandom: maybe married
    ],
)
def test_a_group_or_era_word_before_a_full_name(written: str, canonical: str | None) -> None:
    fandom, cast = parse_fandom_file(
        {
            "name": "Meadow",
            "characters": {
                "male": {"Osric Quillfeather": []},
                "female": {"Perdita Brack": []},
                "other": {"War Engine": []},  # "war" is some character's name
            },
            "groups": {"Riverhold Students": ["riverhold students"]},
            "group_anchors": {"Riverhold Students": ["riverhold"]},
        },
        "meadow.toml",
    )
    kb = KnowledgeBase(fandoms=[fandom], characters=cast)
    match = resolver_for(kb).resolve(written, frozenset({"Meadow"}))
    assert (match.character.name if match.character else None) == canonical

"""Descriptive group tags read in an invented fandom: a group of people around someone
("Ansel's yearmates"), a keyword across a possessive ("the Warden's hounds"), people no one
knows said to be of a group ("Pip and Tog (sprites)"), an original character of a group named
by its plural ("Tutor OCs"); and a fanon given name with the character's own middle name."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FEN = frozenset({"Fen"})

_FILE = {
    "name": "Fen",
    "characters": {
        "male": {
            "Ansel Brack": ["Ansel Corin Brack"],
            "Corin Brack": [],
            "Ivo Brack": [],
            "Oren Vale": ["The Warden"],
        },
        "female": {"Tamsin Rook": []},
        "other": {"Original Character(s)": ["Original Character", "OC"]},
    },
    "groups": {
        "Academy Students": ["academy students", "yearmates", "classmates", "cohort"],
        "Academy Staff": ["academy staff", "tutors"],
        "Wyrm House": ["wyrm house", "wyrms"],
        "Warden's Hounds": ["warden s hounds", "the hounds"],
        "Brack Family": ["brack family", "bracks"],
        "Original Sprite Character(s)": ["sprite", "original sprites", "original house sprites"],
        "House Sprites": ["sprites", "house sprites"],
    },
    "group_anchors": {
        "Academy Students": ["academy"],
        "Wyrm House": ["wyrm"],
        "Brack Family": ["brack"],
        "Original Sprite Character(s)": ["sprite", "sprites"],
    },
    "fanon": {"Ansel Brack": {"given": ["Anselm"], "family": ["Vale"]}},
}


@pytest.fixture(scope="module")
def fen() -> KnowledgeBase:
    return fandom_kb(_FILE, "fen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ansel's yearmates", "Academy Students"),
        ("Tamsin's classmates", "Academy Students"),
        ("most of Ansel's Academy cohort", "Academy Students"),
        ("Ivo's idiotic Wyrm friends", "Wyrm House"),  # an anchor beside a word for people
        ("The Warden's hounds", "Warden's Hounds"),  # a keyword across the possessive
        ("the Bracks' sprites", "Original Sprite Character(s)"),  # a household's own
        ("Ansel's friends", None),  # friends of his: no group named
        ("Ansel Brack's tutors", "Academy Staff"),  # the rest is a group's own name
        ("the Bracks' friends", None),  # not the family itself
        ("Tamsin's Wyrm", None),  # no word for people: a thing of hers
        ("Pip and Tog (house sprites)", "Original Sprite Character(s)"),  # sprites no one knows
        ("Pip & Tog the sprites", "Original Sprite Character(s)"),
        ("Jem and Lor (Wyrms)", "Wyrm House"),
        ("Pip and Ivo (sprites)", None),  # Ivo is a Brack
        ("Pip and the Bracks", None),  # one of them and a family
        ("the whole bloody Academy cohort", "Academy Students"),  # an intensifier
        ("the tutors but thats a lot of tags", "Academy Staff"),  # 'a' joins no one here
        ("the tutors but Tamsin mostly", "Tamsin Rook"),  # the one person named, not them
        ("Ansel and Ivo (Wyrms)", None),  # two Bracks: an aside is not a family name
        ("Tutor OCs", "Academy Staff"),  # one of a group named by its plural
        ("original tutor character", "Academy Staff"),
        ("Pip (sprite OC)", "Original Sprite Character(s)"),  # not any original character
        ("Anselm Corin Brack", "Ansel Brack"),  # his middle name, not Corin Brack
        ("Anselm Corin Vale", "Ansel Brack"),
        ("Corin Brack", "Corin Brack"),  # the man his middle name is from
    ],
)
def test_group_phrases(fen: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Every other tutor", "Academy Staff"),  # one of many, said of all of them
        ("each Wyrm", "Wyrm House"),
        ("every Brack", "Brack Family"),
        ("every other Ansel", "Ansel Brack"),  # a person is still that person
    ],
)
def test_every_one_of_a_group(fen: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical


_SCHOOL = {
    "name": "Fen",
    "characters": {"male": {"Ansel Carten": [], "Ivo Carten": []}},
    "groups": {
        "Academy Students": ["academy students", "first years", "seventh years"],
        "Wyrm House": ["wyrm house", "wyrms"],
        "Hart House": ["hart house", "harts"],
        "Carten Family": ["carten family", "cartens"],
    },
    "group_anchors": {"Wyrm House": ["wyrm"], "Hart House": ["hart"]},
    "group_parents": {"Academy Students": ["Wyrm House", "Hart House"]},
}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("the Wyrm seventh years", "Wyrm House"),  # a year of the academy, of one house
        ("Hart first years", "Hart House"),
        ("first years", "Academy Students"),
        ("Wyrm prefects", "Wyrm House"),  # a house's anchor beside a word for people
        ("the cartons", None),  # an ordinary word's plural, no misspelt "Cartens"
        ("the Cartns", "Carten Family"),  # a misspelt family still is the family
    ],
)
def test_a_house_narrows_a_year_and_plurals_stay_words(written: str, canonical: str | None) -> None:
    kb = fandom_kb(_SCHOOL, "fen.toml")
    match = resolver_for(kb).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Pell (wyrm)", "Wyrm House"),  # someone no book names, said to be of a group
        ("Pell (sprite)", "Original Sprite Character(s)"),  # its original characters
    ],
)
def test_someone_unknown_of_a_group(
    fen: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical

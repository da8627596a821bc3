"""Groups named by whom they belong to or by their original characters, plural forms of an
anchor in other languages, and tags that say a person *is* someone, read in an invented
fandom."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, KnowledgeBaseError, parse_fandom_file

from .conftest import fandom_kb

MOOR = frozenset({"Moor"})

_FILE = {
    "name": "Moor",
    "aliases": ["Moorland Tales"],
    "characters": {
        "male": {"Ansel Brack": [], "Ivo Brack": []},
        "female": {"Tamsin Rook": []},
        "other": {"Nib (Moor)": ["Nib"], "Original Character(s)": ["Original Character"]},
    },
    "groups": {
        "House Sprites (Moor)": ["house sprites", "sprites", "garden sprites"],
        "Original Sprite Character(s)": ["sprite", "original sprites", "sprite oc"],
        "Brack Family": ["brack family"],
        "Academy Students": ["academy students"],
        "Wyrm House": ["wyrm house"],
        "Hart House": ["hart house"],
    },
    "group_parents": {"Academy Students": ["Wyrm House", "Hart House"]},
    "group_anchors": {
        "Original Sprite Character(s)": ["sprite", "sprites"],
        "Brack Family": ["brack"],
        "Academy Students": ["academy"],
        "Wyrm House": ["wyrm"],
        "Hart House": ["hart"],
    },
}


@pytest.fixture(scope="module")
def moor() -> KnowledgeBase:
    return fandom_kb(_FILE, "moor.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sprites", "House Sprites (Moor)"),
        ("Brack Sprites", "Original Sprite Character(s)"),  # a household's own sprites
        ("Academy sprites", "Original Sprite Character(s)"),
        ("the Brack house sprites", "Original Sprite Character(s)"),
        ("Garden Sprites", "House Sprites (Moor)"),  # a keyword, not an owner
        ("Original Characters: Sprites", "Original Sprite Character(s)"),
        ("Sprites (OCs)", "Original Sprite Character(s)"),
        ("Brackowie", "Brack Family"),  # a Polish plural
        ("Alumnos de la Academy", "Academy Students"),  # a word for students in Spanish
        ("Sprite Original characters", "Original Sprite Character(s)"),
        ("Lady Brack", None),
        ("Brack Family Sprites", "Original Sprite Character(s)"),  # the family's sprites
        ("Brack Family Members", "Brack Family"),
        ("Misty (sprite)", "Original Sprite Character(s)"),  # one sprite no book names
        ("Nib (sprite)", "Nib (Moor)"),
        ("Wyrm and Hart students", "Academy Students"),  # two houses: the whole academy
        ("Wyrms and Harts", "Academy Students"),
        ("Ansel and the Wyrms", None),  # a Brack, not their sprites nor the family
        ("(Original Character is Tamsin Rook)", "Tamsin Rook"),
        ("Wen Marsh (aka Tamsin Rook)", "Tamsin Rook"),
        ("Tamsin Rook (Moorland Tales)", "Tamsin Rook"),
    ],
)
def test_groups_by_owner_and_origin(
    moor: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(moor).resolve(written, MOOR)
    assert (match.character.name if match.character else None) == canonical


def test_group_parents_must_name_groups_of_the_file() -> None:
    data = {
        "name": "Fell",
        "characters": {"female": {"Ada Fell": []}},
        "groups": {"Fell Folk": ["fell folk"]},
        "group_parents": {"Fell Folk": ["Ada Fell"]},
    }
    with pytest.raises(KnowledgeBaseError):
        parse_fandom_file(data, "fell.toml")


def test_a_name_after_aka_is_a_person_not_a_fandom() -> None:
    data = {
        "name": "Fell",
        "aliases": ["Ada Fell"],
        "characters": {"female": {"Ada Fell": []}},
    }
    kb = fandom_kb(data, "fell.toml")
    match = resolver_for(kb).resolve("Nell Smith (aka Ada Fell)", frozenset({"Fell"}))
    assert match.character is not None and match.character.name == "Ada Fell"

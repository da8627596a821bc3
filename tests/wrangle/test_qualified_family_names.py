"""Ordinary words before a family name that the fandom file says means one person, or that
only one character has, are a label or a pun on that person ("Sneaky Brack", "Colossal
Eel"), unless they say which generation ("Elder Brack") or which relative ("Dad Brack")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MOOR = frozenset({"Moor"})

_FILE = {
    "name": "Moor",
    "family_names": {"Brack": "Ansel Brack"},
    "characters": {
        "male": {"Ansel Brack": [], "Ivo Brack": [], "Oren Quill": [], "Tobin Quill": []},
        "other": {"Giant Eel": [], "The Grey Lady": [], "The Fat Lady": []},
    },
    "kin": {"Ansel Brack": {"father": "Ivo Brack"}, "Ivo Brack": {"son": "Ansel Brack"}},
}


@pytest.fixture(scope="module")
def moor() -> KnowledgeBase:
    return fandom_kb(_FILE, "moor.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sneaky Brack", "Ansel Brack"),
        ("Grumpy Brack", "Ansel Brack"),
        ("Elder Brack", None),  # which generation: maybe his father
        ("Dad Brack", "Ivo Brack"),  # a relative: his father, not him
        ("Students Brack", None),  # a word for people, not a label
        ("Sneaky Quill", None),  # no one the family name means alone
        ("Colossal Eel", "Giant Eel"),  # the only one named so
        ("Red Lady", None),  # two are
    ],
)
def test_ordinary_words_before_a_family_name(
    moor: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(moor).resolve(written, MOOR)
    assert (match.character.name if match.character else None) == canonical

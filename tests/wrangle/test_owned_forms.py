"""A form a character appears in before the name ("Diary Oren Vale", "Resurrection Stone Oren
Vale") is the character, as "Portrait Oren Vale" is, unless the fandom names that form as a
character of its own ("Diary Tobin Rook")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

GROVE = frozenset({"Grove"})

_FILE = {
    "name": "Grove",
    "characters": {
        "male": {"Oren Vale": [], "Tobin Rook": []},
        "other": {"Diary Tobin Rook": []},
    },
}


@pytest.fixture(scope="module")
def grove() -> KnowledgeBase:
    return fandom_kb(_FILE, "grove.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Diary Oren Vale", "Oren Vale"),
        ("Resurrection Stone Oren Vale", "Oren Vale"),
        ("Diary Tobin Rook", "Diary Tobin Rook"),  # the diary is a character of its own
    ],
)
def test_forms_before_a_name(grove: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(grove).resolve(written, GROVE)
    assert match.character is not None and match.character.name == canonical

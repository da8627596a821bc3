"""Given names of one family's members before its name ("Ivo and Ansel Brack", "Maren &
Isla & Ivo Brack") name the family group, as a couple by title does; not when a given name
is no member's ("Oren and Ivo Brack"), nor without the family name."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

HILL = frozenset({"Hill"})

_FILE = {
    "name": "Hill",
    "characters": {
        "male": {"Ivo Brack": [], "Ansel Brack": [], "Oren Vale": []},
        "female": {"Isla Brack": [], "Maren Rook": ["Maren Brack"]},
    },
    "groups": {"Brack Family": ["brack family", "bracks"]},
}


@pytest.fixture(scope="module")
def hill() -> KnowledgeBase:
    return fandom_kb(_FILE, "hill.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ivo and Ansel Brack", "Brack Family"),
        ("Maren & Isla & Ivo Brack", "Brack Family"),  # Maren goes by Brack too
        ("Oren and Ivo Brack", None),  # Oren is no Brack
        ("Ivo & Ansel", None),  # no family named
    ],
)
def test_members_of_one_family(hill: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(hill).resolve(written, HILL)
    assert (match.character.name if match.character else None) == canonical

"""One word made of most of a character's name and another word is a pun on that character
("Thornwaldick", "Fetusvane"); two names blended are a ship, not a pun ("Drastoria"), and a
word that could begin two names says no one."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MOSS = frozenset({"Moss"})

_FILE = {
    "name": "Moss",
    "characters": {
        "male": {"Gellert Thornwald": [], "Draco Marsh": [], "Harold Finch": []},
        "female": {"Astoria Reed": []},
        "other": {"Darkvane": []},
    },
}


@pytest.fixture(scope="module")
def moss() -> KnowledgeBase:
    return fandom_kb(_FILE, "moss.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Thornwaldick", "Gellert Thornwald"),  # the name's beginning and another word
        ("Fetusvane", "Darkvane"),  # an ordinary word and the name's end
        ("Drastoria", None),  # Draco and Astoria blended
        ("Haroldvane", None),  # Harold and Darkvane
    ],
)
def test_puns_on_names(moss: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(moss).resolve(written, MOSS)
    assert (match.character.name if match.character else None) == canonical

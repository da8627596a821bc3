"""A tag saying someone else wears a name ("Oren Vale (Impersonator)", "it ain't actually
Oren") names the one the fandom file calls that person's fake ("Fake Oren"), if any; else
no one. A denial about something else leaves the tag as it reads ("Wyrms not being evil")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

BROOK = frozenset({"Brook"})

_FILE = {
    "name": "Brook",
    "characters": {
        "male": {"Oren Vale": [], "Ivo Brack": ["Fake Oren"]},
        "female": {"Tamsin Rook": []},
    },
    "groups": {"Wyrm House": ["wyrm house", "wyrms"]},
}


@pytest.fixture(scope="module")
def brook() -> KnowledgeBase:
    return fandom_kb(_FILE, "brook.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Oren Vale (Impersonator)", "Ivo Brack"),
        ("it aint actually Oren", "Ivo Brack"),
        ("Tamsin Rook (Impostor)", None),  # no fake of hers is known
        ("Wyrms not being evil", "Wyrm House"),
    ],
)
def test_someone_wearing_a_name(brook: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(brook).resolve(written, BROOK)
    assert (match.character.name if match.character else None) == canonical

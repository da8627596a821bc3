"""A word such as "is" or "as" says who someone is only between names ("Tamsin as Oren",
"Tamsin is friends with Oren": two people); in chatter with one name it is just a word
("Oren being a sulky child he is")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

GLEN = frozenset({"Glen"})

_FILE = {
    "name": "Glen",
    "characters": {"female": {"Tamsin Rook": []}, "male": {"Oren Vale": []}},
}


@pytest.fixture(scope="module")
def glen() -> KnowledgeBase:
    return fandom_kb(_FILE, "glen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Oren being a sulky child he is", "Oren Vale"),
        ('"you" is referring to Tamsin Rook', "Tamsin Rook"),
        ("Tamsin-as-Oren", None),  # someone wearing his face
        ("Tamsin is friends with Oren", None),  # two people
        ("Brynn is friends with Oren", None),  # two people, one of them unknown
    ],
)
def test_identity_words_in_chatter(
    glen: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(glen).resolve(written, GLEN)
    assert (match.character.name if match.character else None) == canonical

"""An ordinary word with a typo before a full name is a qualifier as the word itself would
be ("Photorgapher Oren Vale"); an unknown word that is no misspelt ordinary word may be a
given name, and a name before a name is someone else ("Corwick Oren Vale")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FELL = frozenset({"Fell"})

_FILE = {
    "name": "Fell",
    "characters": {"male": {"Oren Vale": []}, "female": {"Tamsin Rook": [], "Percival Rook": []}},
}


@pytest.fixture(scope="module")
def fell() -> KnowledgeBase:
    return fandom_kb(_FILE, "fell.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Photographer Oren Vale", "Oren Vale"),
        ("Photorgapher Oren Vale", "Oren Vale"),  # the same word, two letters swapped
        ("Retro Photorgapher Tamsin Rook", "Tamsin Rook"),
        ("Corwick Oren Vale", None),  # maybe a given name: someone else
        ("Henry Oren Vale", None),  # a given name: someone else
        ("Percaval Oren Vale", None),  # as near a name of the cast ("Percival") as a word
    ],
)
def test_misspelt_qualifier_before_a_name(
    fell: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(fell).resolve(written, FELL)
    assert (match.character.name if match.character else None) == canonical

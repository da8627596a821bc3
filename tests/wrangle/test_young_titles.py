"""Titles said of a family's young ("Miss Rook", "Master Rook") name its younger member, where
"Mrs Rook" and "Mr Rook" name its head."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FORD = frozenset({"Ford"})

_FILE = {
    "name": "Ford",
    "characters": {
        "male": {"Tobin Rook": [], "Ivo Rook": []},
        "female": {"Maren Rook": [], "Isla Rook": []},
    },
    "kin": {
        "Tobin Rook": {"wife": "Maren Rook", "son": "Ivo Rook", "daughter": "Isla Rook"},
        "Maren Rook": {"husband": "Tobin Rook", "son": "Ivo Rook", "daughter": "Isla Rook"},
        "Ivo Rook": {"father": "Tobin Rook", "mother": "Maren Rook"},
        "Isla Rook": {"father": "Tobin Rook", "mother": "Maren Rook"},
    },
}


@pytest.fixture(scope="module")
def ford() -> KnowledgeBase:
    return fandom_kb(_FILE, "ford.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Miss Rook", "Isla Rook"),
        ("Master Rook", "Ivo Rook"),
        ("Mrs Rook", "Maren Rook"),
        ("Mr Rook", "Tobin Rook"),
    ],
)
def test_titles_of_the_young(ford: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(ford).resolve(written, FORD)
    assert match.character is not None and match.character.name == canonical

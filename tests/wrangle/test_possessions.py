"""A person's things and creatures, in the plural, are not the person ("Tamsin's elves"),
while a tag about the person with a possessive still is ("Tamsin's smile")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

REED = frozenset({"Reed"})

_FILE = {
    "name": "Reed",
    "characters": {"female": {"Tamsin Rook": []}, "male": {"Oren Vale": []}},
}


@pytest.fixture(scope="module")
def reed() -> KnowledgeBase:
    return fandom_kb(_FILE, "reed.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tamsin's elves", None),
        ("Oren Vale's owls", None),
        ("Tamsin's cats", None),
        ("Tamsin's smile", "Tamsin Rook"),  # about her, not something of hers
        ("oh and Oren's there too", "Oren Vale"),
    ],
)
def test_things_of_someone_are_not_them(
    reed: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(reed).resolve(written, REED)
    assert (match.character.name if match.character else None) == canonical

"""An "and" or "a" in what a tag says about someone ("Oren Vael is a mess and a half") joins
no one: the tag names the one person before "is", "was", "being"...; people joined before
it are still several ("Oren and Tamsin are a mess")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MERE = frozenset({"Mere"})

_FILE = {
    "name": "Mere",
    "characters": {"male": {"Oren Vallance": [], "Ivo Brack": []}, "female": {"Tamsin Rook": []}},
}


@pytest.fixture(scope="module")
def mere() -> KnowledgeBase:
    return fandom_kb(_FILE, "mere.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Oren Valance is a mess and a half", "Oren Vallance"),  # misspelt, then a clause
        ("Tamsin Rok was a menace", "Tamsin Rook"),
        ("Oren and Tamsin are a mess", None),  # two people
        ("Tamsin, Oren and Ivo", None),
    ],
)
def test_what_a_tag_says_about_someone(
    mere: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(mere).resolve(written, MERE)
    assert (match.character.name if match.character else None) == canonical

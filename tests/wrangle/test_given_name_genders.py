"""A given name no character has, before a family name, is read as a member whose given name
begins alike ("Corwyn Ashgrove" is Corwin) only when it is not commonly the other gender's:
"Cora Ashgrove" is no spelling of Corwin but a gender-swapped character, and those are
written of the family's main character. A name the character goes by still counts."""

from __future__ import annotations

from typing import Any

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.english import given_name_gender
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

VALE = frozenset({"Vale"})

_FILE: dict[str, Any] = {
    "name": "Vale",
    "family_names": {"Ashgrove": "Bram Ashgrove"},
    "characters": {
        "male": {
            "Bram Ashgrove": [],
            "Corwin Ashgrove": [],
            "Tobiah Fenwick": [],
            "Lucan Fenwick": [],
        },
        "female": {"Marigold Ashgrove": [], "Rosalind Fenwick": []},
    },
}


@pytest.fixture(scope="module")
def vale() -> KnowledgeBase:
    return fandom_kb(_FILE, "vale.toml")


def _resolved(kb: KnowledgeBase, written: str) -> str | None:
    match = resolver_for(kb).resolve(written, VALE)
    return match.character.name if match.character else None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Corwyn Ashgrove", "Corwin Ashgrove"),  # no common name: a spelling of Corwin
        ("Cornelius Ashgrove", "Corwin Ashgrove"),  # a man's name, begins like his
        ("Mariel Ashgrove", "Marigold Ashgrove"),  # a woman's name, begins like hers
        ("Tobias Fenwick", "Tobiah Fenwick"),
        ("Rosamond Fenwick", "Rosalind Fenwick"),
    ],
)
def test_name_of_the_same_gender_begins_like_a_member(
    vale: KnowledgeBase, written: str, canonical: str
) -> None:
    assert _resolved(vale, written) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Cora Ashgrove",  # a woman's name: whom "Ashgrove" means, gender-swapped
        "Marvin Ashgrove",  # a man's name: not Marigold either
    ],
)
def test_name_of_the_other_gender_is_the_main_character(vale: KnowledgeBase, written: str) -> None:
    assert _resolved(vale, written) == "Bram Ashgrove"


@pytest.mark.parametrize("written", ["Lucinda Fenwick", "Roscoe Fenwick"])
def test_name_of_the_other_gender_is_no_spelling(vale: KnowledgeBase, written: str) -> None:
    """No one is whom "Fenwick" means: a name beginning like a member's but commonly the
    other gender's names no one (not Lucan, not Rosalind)."""
    assert _resolved(vale, written) is None


def test_a_name_the_character_goes_by_counts() -> None:
    data = {**_FILE, "fanon": {"Corwin Ashgrove": {"given": ["Cora"]}}}
    assert _resolved(fandom_kb(data, "vale.toml"), "Cora Ashgrove") == "Corwin Ashgrove"


@pytest.mark.parametrize(
    ("name", "gender"),
    [("charlotte", "f"), ("cora", "f"), ("charles", "m"), ("leslie", None), ("hadrian", None)],
)
def test_given_name_genders(name: str, gender: str | None) -> None:
    assert given_name_gender(name) == gender

"""A tag no reading makes out is read again with its misspelt words corrected, each to the
one name word it is closest to ("the Quilfeather woman" as "the Quillfeather woman"); a word
as close to two names is left as written, and an ordinary word is never "corrected"."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.typos import correct

from .conftest import fandom_kb

WOLD = frozenset({"Wold"})

_FILE = {
    "name": "Wold",
    "characters": {
        "male": {"Ivo Brackley": [], "Ansel Brackley": [], "Oren Vale": []},
        "female": {
            "Perdita Quillfeather": [],
            "Ada Harlow": [],
            "Bea Harrow": [],
            "Helena Vale": [],
        },
    },
    "kin": {
        "Ansel Brackley": {"father": "Ivo Brackley"},
        "Ivo Brackley": {"son": "Ansel Brackley"},
    },
}


@pytest.fixture(scope="module")
def wold() -> KnowledgeBase:
    return fandom_kb(_FILE, "wold.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("the Quilfeather woman", "Perdita Quillfeather"),  # the one Quillfeather named
        ("Brave Perdita Quilfeather", "Perdita Quillfeather"),  # a qualifier before her name
        ("Mentioned Mr Brakcley", "Ivo Brackley"),  # the head of the family
        ("the Hardow woman", None),  # as close to Harlow as to Harrow
        ("the Harbour woman", None),  # an ordinary word, not a misspelt name
        ("Helen Corwick", None),  # a given name of its own, not a misspelt Helena
    ],
)
def test_misspelt_words_corrected(wold: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(wold).resolve(written, WOLD)
    assert (match.character.name if match.character else None) == canonical


def test_a_typo_as_near_two_spellings_of_one_name_is_that_person() -> None:
    # "harrowial" is two letters from "harrowell" and from "harrowel", both one woman's:
    # corrected to the spelling two letters can make ("harrowel" would need a letter less).
    owners = {"harrowell": frozenset({1}), "harrowel": frozenset({1}), "harlow": frozenset({2})}
    vocabulary = sorted(owners)
    assert correct("harrowial", vocabulary, set(vocabulary), owners) == "harrowell"
    # spellings of two people's names, as near: no correction
    owners["harrowel"] = frozenset({3})
    assert correct("harrowial", vocabulary, set(vocabulary), owners) == "harrowial"

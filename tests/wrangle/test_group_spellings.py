"""A misspelt group word is corrected even when it is as close to the group's word as to a
misspelling the fandom file lists among its keywords ("Grffonhall": "griffonhall" or
"gryffonhall", both Griffonhall's); as close to two groups' words, it is left alone."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

LEA = frozenset({"Lea"})

_FILE = {
    "name": "Lea",
    "characters": {"male": {"Oren Vale": []}},
    "groups": {
        "Wyvernhall Students": ["wyvernhall students"],
        "Wyvernhill Students": ["wyvernhill students"],
        "Griffonhall Students": ["griffonhall students", "gryffonhall students"],
    },
    "group_anchors": {
        "Wyvernhall Students": ["wyvernhall"],
        "Wyvernhill Students": ["wyvernhill"],
        "Griffonhall Students": ["griffonhall"],
    },
}


@pytest.fixture(scope="module")
def lea() -> KnowledgeBase:
    return fandom_kb(_FILE, "lea.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Grffonhall kids", "Griffonhall Students"),  # "griffonhall" or its listed "gryffonhall"
        ("Wyvernhll kids", None),  # "wyvernhall" or "wyvernhill": two groups
    ],
)
def test_misspelt_group_words(lea: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(lea).resolve(written, LEA)
    assert (match.character.name if match.character else None) == canonical

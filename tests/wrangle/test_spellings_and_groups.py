"""Run-together and misspelt names, quoted nicknames, and groups named by a house word beside
a word for people, read in an invented fandom."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

GLEN = frozenset({"Glen"})

_FILE = {
    "name": "Glen",
    "characters": {
        "male": {
            "Pip Thistlewood": [],
            "Pip Bramble Thistlewood": [],
            "Tobias Quince Jr.": [],
            "Tobias Quince Sr.": [],
        },
        "female": {"Marigold Alderwood": []},
        "other": {"Garrow Quillon": ["Garrow Quilon"]},
    },
    "groups": {
        "Academy Students": ["students", "academy students"],
        "Thornwick House": ["thornwick house", "thornwicks"],
        "Thistlewood Family": ["thistlewood family"],
        "Original Sprite Character(s)": ["sprite oc", "original sprite", "a sprite"],
    },
    "group_anchors": {"Thornwick House": ["thornwick"], "Thistlewood Family": ["thistlewood"]},
}


@pytest.fixture(scope="module")
def glen() -> KnowledgeBase:
    return fandom_kb(_FILE, "glen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Pipthistlewood", "Pip Thistlewood"),  # the full name, not a longer one's short form
        ("marigoldalderwod", "Marigold Alderwood"),  # run together and one letter short
        ('Tobias "Toby" Quince Jr.', "Tobias Quince Jr."),
        ('Philip "Pip" Thistlewood', "Pip Thistlewood"),
        ("Thornwick students", "Thornwick House"),  # the house, not every student
        ("All the rascals from Thornwick", "Thornwick House"),
        ("Various students", "Academy Students"),
        ("Thistlewood folks", "Thistlewood Family"),
        ("Quilon", "Garrow Quillon"),  # an alias's other spelling of the family name
        ("Sunny - a Sprite", "Original Sprite Character(s)"),  # "a" joins no one here
        ("Marigold Alderwood - Character", "Marigold Alderwood"),
    ],
)
def test_reads(glen: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(glen).resolve(written, GLEN)
    assert match.character is not None, match.how
    assert match.character.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Tobias Quince",  # junior or senior
        "pipthistlewoodbramble",  # too far from any name
        "Various Pip Thistlewood students",  # a person's name, not the family
        "Girl!Thornwick!Pip",  # Pip, as a Thornwick girl: not the house
    ],
)
def test_does_not_guess(glen: KnowledgeBase, written: str) -> None:
    match = resolver_for(glen).resolve(written, GLEN)
    assert match.character is None or match.character.name not in {
        "Thistlewood Family",
        "Pip Bramble Thistlewood",
        "Tobias Quince Jr.",
        "Tobias Quince Sr.",
    }

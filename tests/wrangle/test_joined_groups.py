"""Tags joining groups with 'and', read in an invented fandom: one group whose name has an
'and' in it, two houses of one school (the school), but two families are neither of them and
a house joined to someone by name is not the house."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MARSH = frozenset({"Marsh"})

_FILE = {
    "name": "Marsh",
    "characters": {
        "male": {"Tobin Wren": [], "Edric Hale": []},
        "female": {"Isla Wren": []},
    },
    "groups": {
        "Wren Family": ["wren family", "wrens", "the wrens", "old and noble house of wren"],
        "Hale Family": ["hale family", "hales", "the hales"],
        "Owl House Students": ["owls", "owl house"],
        "Hawk House Students": ["hawks", "hawk house"],
        "Fen School Students": ["fen school students", "students"],
        "Fen School Staff": ["fen school staff", "staff", "teachers"],
    },
    "group_anchors": {
        "Wren Family": ["wren"],
        "Hale Family": ["hale"],
        "Owl House Students": ["owl"],
        "Hawk House Students": ["hawk"],
    },
    "group_parents": {
        "Fen School Students": ["Owl House Students", "Hawk House Students"],
    },
}


@pytest.fixture(scope="module")
def marsh() -> KnowledgeBase:
    return fandom_kb(_FILE, "marsh.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("The Old and Noble House of Wren", "Wren Family"),  # the 'and' is the group's own
        ("Owls and Hawks", "Fen School Students"),  # two houses: their school
        ("the Wrens and the Hales", None),  # two families: neither one
        ("the Hales and the Wrens", None),
        ("Owls and Pippin", None),  # the house and someone by name, not the house
        ("Fen School Staff and random students", None),  # two groups, neither alone
    ],
)
def test_groups_joined_with_and(marsh: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(marsh).resolve(written, MARSH)
    assert (match.character.name if match.character else None) == canonical

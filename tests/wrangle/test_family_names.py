"""A family name written alone means whom the fandom file says, when several share it; a title
still says which member, and a family group is meant only by the bare name."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, KnowledgeBaseError, parse_fandom_file

from .conftest import fandom_kb

FEN = frozenset({"Fen"})

_FILE = {
    "name": "Fen",
    "family_names": {"Quillfeather": "Osric Quillfeather", "Marsh": "Marsh Family"},
    "characters": {
        "male": {"Osric Quillfeather": [], "Tobin Quillfeather": [], "Bede Marsh": []},
        "female": {"Perdita Quillfeather": [], "Wren Marsh": []},
    },
    "groups": {"Marsh Family": ["marsh family", "the marshes"]},
    "group_anchors": {"Marsh Family": ["marsh"]},
}


@pytest.fixture(scope="module")
def fen() -> KnowledgeBase:
    return fandom_kb(_FILE, "fen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Quillfeather", "Osric Quillfeather"),
        ("Quillfeather (mentioned)", "Osric Quillfeather"),
        ("Auror!Quillfeather - Character", "Osric Quillfeather"),
        ("Marsh", "Marsh Family"),
        ("Mrs Quillfeather", "Perdita Quillfeather"),
        ("Professor Quillfeather", "Osric Quillfeather"),  # a title without a gender
        ("Mr Quillfeather", None),  # Osric or Tobin: the title says a man, not which
        ("Professor Marsh", None),  # a person, never the family
        ("Mentioned Mrs Quillfeather", "Perdita Quillfeather"),  # as "Mrs Quillfeather"
        ("Good!Marsh", None),
    ],
)
def test_family_name_alone(fen: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical


def test_family_names_need_a_fandom(fen: KnowledgeBase) -> None:
    assert resolver_for(fen).resolve("Quillfeather").character is None


def test_family_names_must_name_characters_of_the_file() -> None:
    data = {"name": "Fen", "family_names": {"Nobody": "No One"}, "characters": {}}
    with pytest.raises(KnowledgeBaseError):
        parse_fandom_file(data, "fen.toml")


@pytest.fixture(scope="module")
def houses() -> KnowledgeBase:
    data = {
        "name": "Fen",
        "characters": {"male": {"Bede Marsh": [], "Osric Quillfeather": []}},
        "groups": {
            "Marsh Family": ["marsh family", "house of marsh", "old and honourable house of marsh"]
        },
    }
    return fandom_kb(data, "fen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("The Old and Honourable House of Marsh", "Marsh Family"),
        ("The Honourable and Old House of Marsh - Character", "Marsh Family"),
        ("the noble and wealthy Marsh Family", "Marsh Family"),
        ("Osric and the Marsh Family", None),  # Osric too: several people
    ],
)
def test_an_and_inside_a_group_name(
    houses: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(houses).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical

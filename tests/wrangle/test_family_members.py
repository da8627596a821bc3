"""A name that names a family but not the person: a title ("Mr Quillfeather" is the head of
the family), a renamed member ("Osrina Quillfeather" is Osric), a married name ("Odette
Quillfeather" is Odette Wren, a Quillfeather's daughter). When the family could mean someone
else the name is left unresolved: two characters made one is worse than a miss."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FEN = frozenset({"Fen"})

_FILE = {
    "name": "Fen",
    "family_names": {"Quillfeather": "Osric Quillfeather"},
    "characters": {
        "male": {
            "Osric Quillfeather": [],
            "Tobin Quillfeather": [],
            "Aldous Quillfeather": [],
            "Corvin Rook": [],
            "Wendel Thistle": [],
        },
        "female": {
            "Perdita Quillfeather": [],
            "Mrs Rook (Fen)": [],
            "Odette Wren": [],
            "Olwen Wren": [],
        },
    },
    "kin": {
        "Osric Quillfeather": {"father": "Aldous Quillfeather", "mother": "Perdita Quillfeather"},
        "Tobin Quillfeather": {"father": "Aldous Quillfeather"},
        "Aldous Quillfeather": {"wife": "Perdita Quillfeather"},
        "Odette Wren": {"mother": "Perdita Quillfeather"},
        "Corvin Rook": {"mother": "Mrs Rook (Fen)"},
    },
}


@pytest.fixture(scope="module")
def fen() -> KnowledgeBase:
    return fandom_kb(_FILE, "fen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # a title: the head of the family of that gender, or its one member of that gender
        ("Mr Quillfeather", "Aldous Quillfeather"),
        ("Lord Quillfeather", "Aldous Quillfeather"),
        ("Mrs. Quillfeather", "Perdita Quillfeather"),
        # a given name no one has, before a family name
        ("Osrina Quillfeather", "Osric Quillfeather"),  # begins like Osric
        ("Tobina Quillfeather (mentioned)", "Tobin Quillfeather"),
        ("Hadrian Quillfeather", "Osric Quillfeather"),  # whom "Quillfeather" means
        ("Happy Quillfeather", "Osric Quillfeather"),  # a label on him, as "Quillfeather" is
        ("Elladora Rook", "Mrs Rook (Fen)"),  # the Rook known by no given name
        ("Wanda Thistle", "Wendel Thistle"),  # the only Thistle, same initial
        # a known given name with a kin's family name: a married or maiden name
        ("Odette Quillfeather", "Odette Wren"),
        # a title in an aside says which member
        ("Hestia (Mama) Quillfeather", "Perdita Quillfeather"),
        ("Hestia Quillfeather (Mr Quillfeather)", "Aldous Quillfeather"),
    ],
)
def test_family_member(fen: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert match.character is not None and match.character.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Blake Thistle",  # the only Thistle, but another initial: someone else
        "Elder Quillfeather",  # which generation: not whom the family name means
        "Olwen Quillfeather",  # Olwen Wren married, or Osric renamed?
    ],
)
def test_family_name_alone_does_not_choose(fen: KnowledgeBase, written: str) -> None:
    assert resolver_for(fen).resolve(written, FEN).character is None


def test_family_readings_need_a_fandom(fen: KnowledgeBase) -> None:
    assert resolver_for(fen).resolve("Osrina Quillfeather").character is None

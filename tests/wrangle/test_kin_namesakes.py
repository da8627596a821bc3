"""A given name several characters share, written with a family name that is not theirs:
the one whose kin bear that family name is meant ("Rose Granger-Malfoy" is Rose Weasley,
whose mother is a Granger, not Rose Zeller); when none or several are, nothing is read."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FEN = frozenset({"Fen"})
HP = frozenset({"Harry Potter - J. K. Rowling"})

_FILE = {
    "name": "Fen",
    "characters": {
        "male": {"Aldous Quillfeather": [], "Corvin Rook": []},
        "female": {
            "Perdita Quillfeather": [],
            "Odette Wren": [],
            "Odette Marsh": [],
            "Mabel Wren": [],
        },
    },
    "kin": {
        "Odette Wren": {"mother": "Perdita Quillfeather"},
        "Aldous Quillfeather": {"wife": "Perdita Quillfeather"},
    },
}


@pytest.fixture(scope="module")
def fen() -> KnowledgeBase:
    return fandom_kb(_FILE, "fen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Odette Quillfeather-Rook", "Odette Wren"),  # her mother is a Quillfeather
        ("Odette Rook", None),  # neither Odette is tied to the Rooks
        ("Odette Marsh", "Odette Marsh"),
    ],
)
def test_kin_namesake(fen: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(fen).resolve(written, FEN)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Rose Granger-Malfoy", "Rose Weasley"),
        ("Rose Zeller", "Rose Zeller"),
        # minor characters once read as a namesake of a main one
        ("Frank Bryce", "Frank Bryce"),
        ("Jimmy Peakes", "Jimmy Peakes"),
        ("Mafalda Prewett", "Mafalda Prewett"),
        ("Millicent Bagnold", "Millicent Bagnold"),
        ("Irma Crabbe Black", "Irma Crabbe Black"),
        ("Bilius Weasley", "Bilius Weasley"),
        ("Enid Longbottom", "Enid Longbottom"),
        ("Algie Longbottom", "Algie Longbottom"),
        ("Scabbers", "Scabbers (Harry Potter)"),
        ("Hermione's mum", "Mrs. Granger (Harry Potter)"),
        ("Ron's owl", "Pigwidgeon (Harry Potter)"),
    ],
)
def test_harry_potter_minor_characters(kb: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(kb).resolve(written, HP)
    assert match.character is not None and match.character.name == canonical


_GENERATIONS = {
    "name": "Fen",
    "characters": {
        "female": {
            "Ida Rook": ["Ida Rook"],  # the elder, who answers to the family name alone
            "Ida Maren Rook": [],  # her granddaughter, whose mother was a Wren
            "Sela Wren": [],
        },
    },
    "kin": {"Ida Maren Rook": {"mother": "Sela Wren"}},
}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ida Wren-Rook", "Ida Maren Rook"),  # a family between the names: a namesake's kin
        ("Ida Wren Rook", "Ida Maren Rook"),
        ("Ida Quill-Rook", "Ida Rook"),  # nobody's kin: the name as first and last words say
        ("Ida Rook", "Ida Rook"),
    ],
)
def test_a_family_between_first_and_last_name_picks_the_namesake_of_that_kin(
    written: str, canonical: str
) -> None:
    match = resolver_for(fandom_kb(_GENERATIONS, "fen.toml")).resolve(written, FEN)
    assert match.character is not None
    assert match.character.name == canonical

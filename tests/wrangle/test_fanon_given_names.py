"""A fanon given name that only one character goes by, written with a family name that is
no one in the fandom has, names that character as a canonical given name would ("Anselm
Corwick" as "Ansel Corwick"); a fanon given name two characters share names neither, nor one
before a family the fandom knows ("Anselm Vale")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

DALE = frozenset({"Dale"})

_FILE = {
    "name": "Dale",
    "characters": {
        "male": {"Ansel Brack": [], "Oren Vale": [], "Ivo Brack": []},
        "female": {"Tamsin Rook": []},
    },
    "fanon": {
        "Ansel Brack": {"given": ["Anselm"]},
        "Oren Vale": {"given": ["Tam"]},
        "Tamsin Rook": {"given": ["Tam"]},
    },
}


@pytest.fixture(scope="module")
def dale() -> KnowledgeBase:
    return fandom_kb(_FILE, "dale.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ansel Corwick", "Ansel Brack"),  # the canonical given name, another family name
        ("Anselm Corwick", "Ansel Brack"),  # the fanon one
        ("Anselm Brack", "Ansel Brack"),
        ("Tam Corwick", None),  # two characters go by Tam
        ("Anselmo Corwick", None),  # not his name
        ("Anselm Vale", None),  # a Vale no book names, maybe: Oren's family
    ],
)
def test_fanon_given_name_with_another_family_name(
    dale: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(dale).resolve(written, DALE)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Anselm", "Ansel Brack"),  # the fanon name alone
        ("Tam", None),  # two characters go by it
    ],
)
def test_a_fanon_given_name_alone(dale: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(dale).resolve(written, DALE)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Siri", "Sirius Black"),
        ("Trixie", "Bellatrix Black Lestrange"),
        ("Holly", None),  # a woman's name for Harry: alone, as likely someone new
    ],
)
def test_fanon_given_names_alone_in_harry_potter(
    kb: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(kb).resolve(written, frozenset({"Harry Potter - J. K. Rowling"}))
    assert (match.character.name if match.character else None) == canonical

"""A character may be written with a middle name after a parent or a godparent ("Selwyn Ivo
Brack", after his father), as with his own middle name; a middle name of no kin of his
makes it someone else."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

HEATH = frozenset({"Heath"})

_FILE = {
    "name": "Heath",
    "characters": {
        "male": {"Ansel Brack": [], "Ivo Brack": [], "Oren Vale": [], "Tobin Quill": []},
    },
    "fanon": {"Ansel Brack": {"given": ["Selwyn"]}},
    "kin": {"Ansel Brack": {"father": "Ivo Brack", "godfather": "Oren Vale"}},
}


@pytest.fixture(scope="module")
def heath() -> KnowledgeBase:
    return fandom_kb(_FILE, "heath.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Selwyn Ivo Brack", "Ansel Brack"),  # after his father
        ("Selwyn Oren Brack", "Ansel Brack"),  # after his godfather
        ("Selwyn Tobin Brack", None),  # Tobin is no kin of his
    ],
)
def test_middle_name_after_kin(heath: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(heath).resolve(written, HEATH)
    assert (match.character.name if match.character else None) == canonical


_NAMESAKES = {
    "name": "Heath",
    "characters": {"male": {"Ivo Brack": [], "Ivo Saltmarsh Brack": []}},
    "kin": {"Ivo Saltmarsh Brack": {"father": "Ivo Brack"}},
}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ivo Saltmarsh Brack", "Ivo Saltmarsh Brack"),
        ("Ivo Saltmarch Brack", "Ivo Saltmarsh Brack"),  # the son's middle name, misspelt
        ("Ivo Saltmrash Brack", "Ivo Saltmarsh Brack"),
        ("Ivo Brack", "Ivo Brack"),
        ("Ivo Fernley Brack", "Ivo Brack"),  # a middle name of nobody's: the father's name
    ],
)
def test_a_misspelt_middle_name_tells_namesakes_apart(written: str, canonical: str) -> None:
    match = resolver_for(fandom_kb(_NAMESAKES, "heath.toml")).resolve(written, HEATH)
    assert match.character is not None and match.character.name == canonical

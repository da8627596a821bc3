"""A name written family name first, as in an index ("Brack, Ivo", "Rook, Mrs."), reads as
the name in the usual order, and names no one if that does ("Brack, Mrs." is not whom
"Brack" alone means); a comma after anything else is a description ("Pip, the sprite")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

HOLM = frozenset({"Holm"})

_FILE = {
    "name": "Holm",
    "family_names": {"Brack": "Ansel Brack"},
    "characters": {
        "male": {"Ansel Brack": [], "Ivo Brack": [], "Oren Vale": [], "Tobin Rook": []},
        "female": {"Maren Rook": []},
        "other": {"Pip": []},
    },
}


@pytest.fixture(scope="module")
def holm() -> KnowledgeBase:
    return fandom_kb(_FILE, "holm.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Brack, Ivo", "Ivo Brack"),  # not whom "Brack" alone means
        ("Rook, Mrs.", "Maren Rook"),
        ("Pip, the sprite", "Pip"),
        ("Brack, Oren", "Oren Vale"),  # as "Oren Brack" reads: a married or adopted name
        ("Brack, Mrs.", None),  # no woman Brack: not Ansel, whom "Brack" alone means
    ],
)
def test_family_name_first(holm: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(holm).resolve(written, HOLM)
    assert (match.character.name if match.character else None) == canonical

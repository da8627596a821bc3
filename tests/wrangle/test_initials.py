"""Namesakes of one family are told apart by the initials of the rest of the name: "Albus S.P."
is Albus Severus Potter to fans, never Albus Dumbledore; FFN's "Cloud S." gives the initial of
the family name alone."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FERN = frozenset({"Fernhollow"})

_FILE = {
    "name": "Fernhollow",
    "characters": {
        "male": {"Oswin Marrow": [], "Oswin Tallis Reed": [], "Corin Ash": []},
        "female": {"Ilsa Reed": [], "Ilsa Wren Reed": ["Ilsa Wren Ottoline Reed"]},
    },
}


@pytest.fixture(scope="module")
def fern() -> KnowledgeBase:
    return fandom_kb(_FILE, "fernhollow.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Oswin T.R.", "Oswin Tallis Reed"),
        ("Oswin TR", "Oswin Tallis Reed"),
        ("Oswin T. R. (mentioned)", "Oswin Tallis Reed"),
        ("Ilsa W.R.", "Ilsa Wren Reed"),
        ("Ilsa WOR", "Ilsa Wren Reed"),  # from a longer alias ending in the family name
        ("Ilsa R.", None),  # both Ilsas are Reeds
        ("Oswin M.", "Oswin Marrow"),
        ("Corin A.", "Corin Ash"),
        ("Oswin Q.R.", None),  # nobody's initials
    ],
)
def test_given_name_and_initials(fern: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(fern).resolve(written, FERN)
    assert (match.character.name if match.character else None) == canonical

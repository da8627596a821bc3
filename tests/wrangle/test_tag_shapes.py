"""Shapes of a whole tag that say nothing of who is in it: a tag wholly in brackets, a
"Misc." before a name; and a canonical named for someone's relative ("Osric's Mother"), whose
owner's name inside it is no given or family name of the relative."""

from __future__ import annotations

import pytest

from ficshelf.model import Category
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb, raw_work

THORN = frozenset({"Thorn"})

_FILE = {
    "name": "Thorn",
    "characters": {
        "male": {"Osric Quillfeather": [], "Bede Marsh": [], "Bede Marsh II": []},
        "female": {"Osric Quillfeather's Mother": []},
    },
}


@pytest.fixture(scope="module")
def thorn() -> KnowledgeBase:
    return fandom_kb(_FILE, "thorn.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("(minor Bede Marsh II)", "Bede Marsh II"),  # not Bede Marsh: the inside is read
        ("[Osric Quillfeather]", "Osric Quillfeather"),
        ("Misc. Osric Quillfeather", "Osric Quillfeather"),
        ("Osric Quillfeather's pov", "Osric Quillfeather"),  # not his mother
        ("Osric Quillfeather's Mother", "Osric Quillfeather's Mother"),
    ],
)
def test_tag_shapes(thorn: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(thorn).resolve(written, THORN)
    assert match.character is not None and match.character.name == canonical


def test_a_pairing_wholly_in_brackets() -> None:
    work = wrangle(raw_work(relationships=("(ginny/harry)",)))
    assert [t.name for t in work.relationships] == ["Ginny Weasley/Harry Potter"]
    assert Category.FM in work.categories

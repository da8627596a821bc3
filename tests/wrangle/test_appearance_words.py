"""Words at a tag's edges or in asides that say how a character appears ("Mentioned", "Past",
"only mentioned", "(mentioned)") are read past, so that the title, couple, kin and aside
readings see the tag as if written without them ("Mentioned Mrs Rook" is "Mrs Rook"); they
name no one themselves. So is a fandom's name in an aside beside another aside."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

TARN = frozenset({"Tarn"})

_FILE = {
    "name": "Tarn",
    "characters": {
        "male": {
            "Tobin Rook": [],
            "Ivo Brack": [],
            "Ansel Brack": [],
            "Oren Quill": [],
            "Edric Quill": [],
            "Corvin Ashe": ["Dark Rider"],
            "Rider Hale": ["Rider"],
        },
        "female": {"Maren Rook": [], "Isla Wren": [], "Isla Wren II": []},
        "other": {"Diary Tobin Rook": []},
    },
    "groups": {"Rook Family": ["rook family", "rooks", "the rooks"]},
    "kin": {"Ansel Brack": {"father": "Ivo Brack"}, "Ivo Brack": {"son": "Ansel Brack"}},
}


@pytest.fixture(scope="module")
def tarn() -> KnowledgeBase:
    return fandom_kb(_FILE, "tarn.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mentioned Mrs Rook", "Maren Rook"),  # the one woman of the family
        ("Mrs. Rook mentioned", "Maren Rook"),
        ("Mr Brack only mentioned", "Ivo Brack"),  # the head of the family
        ("Past Mr and Mrs Rook", "Rook Family"),  # a couple by title
        ("Mentioned", None),  # nothing but how someone appears
        ("Past Mr Quill", None),  # two Quill men and no head: still no one
        ("Tobin Rook (diary) (mentioned)", "Diary Tobin Rook"),  # the aside that says who
        ("Tobin Rook (diary) (Tarn)", "Diary Tobin Rook"),  # a fandom's name is no one
        ("Tobin Rook (mentioned) (Tarn)", "Tobin Rook"),
        ("Isla Wren (the younger) (mentioned)", "Isla Wren II"),
        ("Isla Wren (the younger) (Tarn)", "Isla Wren II"),
        ("Isla Wren Jr. only mentioned", "Isla Wren II"),
        ("Isla Wren (mentioned) (Tarn)", "Isla Wren"),
        ("Good Mrs. Rook", "Maren Rook"),  # how she is portrayed, not who
        ("Mr Brack POV", "Ivo Brack"),
        ("Hints of Mr and Mrs Rook", "Rook Family"),
        ("One Sided Mrs Rook", "Maren Rook"),
        ("Mr Brack-ish", "Ivo Brack"),
        ("the Mrs. Rook", "Maren Rook"),  # an article before a title
        ("Dark Rider", "Corvin Ashe"),  # a known name as a whole, not a dark Rider
    ],
)
def test_appearance_words_at_the_edges(
    tarn: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(tarn).resolve(written, TARN)
    assert (match.character.name if match.character else None) == canonical

"""Original characters: a name with an aside saying it is one ("Tom (OMC)") is the original
character, even when the name is a canon character's; an original character said to be a
woman or a man is the fandom's original female or male character ("Female OC"); one of a
group stays the group's ("Caro the House Elf (OC)")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

FOLD = frozenset({"Foldwater"})

_FILE = {
    "name": "Foldwater",
    "characters": {
        "male": {"Tobin Reed": ["Tobin"]},
        "female": {"Mara Vale": ["Mara"]},
        "other": {
            "Original Character(s)": ["OC", "OCs", "Original Character"],
            "Original Female Character(s)": ["OFC", "Original Female Character"],
            "Original Male Character(s)": ["OMC", "Original Male Character"],
        },
    },
    "groups": {
        "Sprites (Foldwater)": ["sprites", "sprite"],
        "Original Sprite Character(s)": ["original sprite", "sprite oc", "sprite ocs"],
    },
}


@pytest.fixture(scope="module")
def fold() -> KnowledgeBase:
    return fandom_kb(_FILE, "foldwater.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tobin (OMC)", "Original Male Character(s)"),  # a canon name, said to be an OC
        ("Mara (OFC)", "Original Female Character(s)"),
        ("Seraphine (OC)", "Original Character(s)"),
        ("Female OC", "Original Female Character(s)"),
        ("OCs (female)", "Original Female Character(s)"),
        ("male OC", "Original Male Character(s)"),
        ("OC", "Original Character(s)"),
        ("Tobin", "Tobin Reed"),
        ("Pip the sprite (OC)", "Sprites (Foldwater)"),  # one of a group: not any OC
    ],
)
def test_original_characters(fold: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(fold).resolve(written, FOLD)
    assert match.character is not None and match.character.name == canonical

"""A family's group is known by every way fans write a family ("Quillfeather siblings",
"House of Quillfeather", "the Quillfeathers", "Famille Quillfeather") though its fandom file
lists one keyword; a member's name with the family name in the plural stays the member, and
a title before it is one person. One unnamed member of a house: "a Emberhall"."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

GLEN = frozenset({"Glen"})

_FILE = {
    "name": "Glen",
    "characters": {
        "male": {"Osric Quillfeather": [], "Bede Marsh": []},
        "female": {"Amis Quillfeather": []},
    },
    "groups": {
        "Quillfeather Family": ["quillfeather family"],
        "Emberhall Students": ["emberhall students"],
    },
    "group_anchors": {"Emberhall Students": ["emberhall"]},
}


@pytest.fixture(scope="module")
def glen() -> KnowledgeBase:
    return fandom_kb(_FILE, "glen.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Quillfeather siblings", "Quillfeather Family"),
        ("the Quillfeathers", "Quillfeather Family"),
        ("Quillfeathers", "Quillfeather Family"),
        ("House of Quillfeather", "Quillfeather Family"),
        ("Famille Quillfeather", "Quillfeather Family"),
        ("mentioned Quillfeather parents", "Quillfeather Family"),
        ("Osric Quillfeathers", "Osric Quillfeather"),  # one of them, not the family
        ("Mr. Quillfeathers", None),  # a title: one person, whichever
        ("a Emberhall", "Emberhall Students"),
        ("another Emberhall", "Emberhall Students"),
        ("a Emberhall Bede", "Bede Marsh"),  # a name after it: the person
    ],
)
def test_family_and_house_groups(glen: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(glen).resolve(written, GLEN)
    assert (match.character.name if match.character else None) == canonical


def test_original_characters_of_a_group_named_by_its_keyword() -> None:
    """ "Night Warden OCs": original characters of a group with no original-character group
    of its own, named by the group's own keyword of several words, are the group."""
    kb = fandom_kb(
        {
            "name": "Glen",
            "characters": {"other": {"Original Character(s)": ["OCs", "OC"]}},
            "groups": {"Night Wardens": ["night wardens"]},
        },
        "glen.toml",
    )
    match = resolver_for(kb).resolve("Night Warden OCs", GLEN)
    assert match.character is not None and match.character.name == "Night Wardens"


_FRIENDS = {
    "name": "Glen",
    "characters": {
        "male": {"Osric Vale": ["Wick"], "Bede Marsh": []},
        "female": {"Wren Rook": [], "Mara Quill": []},
    },
    "groups": {"Reed Three (Glen)": ["reed three"]},
    "group_members": {"Reed Three (Glen)": ["Osric Vale", "Wren Rook", "Bede Marsh"]},
}


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Wick, Wren and Bede", "Reed Three (Glen)"),  # every member, by any of their names
        ("Bede & Osric & Wren", "Reed Three (Glen)"),
        ("Wick, Wren, Bede and Mara", None),  # one more than the group
        ("Wick and Wren", None),  # not all of them
    ],
)
def test_every_member_of_a_group_listed_is_the_group(written: str, canonical: str | None) -> None:
    match = resolver_for(fandom_kb(_FRIENDS, "glen.toml")).resolve(written, GLEN)
    assert (match.character.name if match.character else None) == canonical

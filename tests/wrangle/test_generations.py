"""A generation word wherever it is written ("Osric Quillfeather the second", "Osric II
Quillfeather", "Osric Jr.") names the other generation; an aside may complete a name
("Osric Quillfeather (diary)" is the diary's Osric)."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import Character, KnowledgeBase

MOOR = frozenset({"Moor"})


@pytest.fixture(scope="module")
def moor() -> KnowledgeBase:
    cast = [
        Character("Osric Quillfeather", "Moor", "m"),
        Character("Osric Quillfeather II", "Moor", "m"),
        Character("Osric Marsh", "Moor", "m"),
        Character("Diary Osric Quillfeather", "Moor", None),
    ]
    return KnowledgeBase(characters=cast)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Osric Quillfeather", "Osric Quillfeather"),
        ("Osric Quillfeather Jr.", "Osric Quillfeather II"),
        ("Osric Quillfeather the second", "Osric Quillfeather II"),
        ("Osric Quillfeather (the younger)", "Osric Quillfeather II"),
        ("Osric II Quillfeather - Character", "Osric Quillfeather II"),
        ("Osric Quillfeather (diary)", "Diary Osric Quillfeather"),
        ("Osric Quillfeather (mentioned)", "Osric Quillfeather"),
    ],
)
def test_generations_and_completing_asides(
    moor: KnowledgeBase, written: str, canonical: str
) -> None:
    match = resolver_for(moor).resolve(written, MOOR)
    assert match.character is not None
    assert match.character.name == canonical


def test_a_lone_given_name_with_a_generation_is_asked_of_every_bearer(
    moor: KnowledgeBase,
) -> None:
    match = resolver_for(moor).resolve("Osric Jr.", MOOR)
    assert match.character is not None
    assert match.character.name == "Osric Quillfeather II"

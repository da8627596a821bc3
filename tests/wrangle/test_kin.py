"""Someone's relative or pet ("Remus Lupin's mum", "Harry's owl") is read through the fandom
file's [kin] table; a thing named after its owner ("Tom Riddle's diary") through the canonical
named "<thing> <owner>"."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, KnowledgeBaseError, parse_fandom_file
from ficshelf.wrangle.written import kin_of, name_words

from .conftest import fandom_kb

BRAMBLE = frozenset({"Bramble"})

_FILE = {
    "name": "Bramble",
    "characters": {
        "male": {"Osric Quillfeather": ["Inkpot"], "Tobin Quillfeather": [], "Bede Marsh": []},
        "female": {"Perdita Quillfeather": [], "Wren Marsh": []},
        "other": {"Soot (Bramble)": [], "Diary Osric Quillfeather": []},
    },
    "groups": {"Quillfeather Family": ["quillfeather family", "quillfeathers"]},
    "kin": {
        "Osric Quillfeather": {"mother": "Perdita Quillfeather", "owl": "Soot (Bramble)"},
        "Wren Marsh": {"brother": "Bede Marsh"},
    },
}


@pytest.fixture(scope="module")
def bramble() -> KnowledgeBase:
    return fandom_kb(_FILE, "bramble.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Osric Quillfeather's mother", "Perdita Quillfeather"),
        ("Osric's Mum", "Perdita Quillfeather"),
        ("Inkpot's mom - Character", "Perdita Quillfeather"),
        ("mother of Osric", "Perdita Quillfeather"),
        ("Osric Quillfeather's Owl", "Soot (Bramble)"),
        ("Wren' brother (mentioned)", "Bede Marsh"),
        ("Osric Quillfeather Diary", "Diary Osric Quillfeather"),
        ("Osric's diary", "Diary Osric Quillfeather"),
        ("Osric's Parents", "Quillfeather Family"),
        ("Perdita Quillfeather's children", "Quillfeather Family"),
        ("Mr and Mrs Quillfeather", "Quillfeather Family"),
        ("Mr. & Mrs. Quillfeather", "Quillfeather Family"),
    ],
)
def test_kin_is_read(bramble: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(bramble).resolve(written, BRAMBLE)
    assert match.character is not None
    assert match.character.name == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Osric's father",
        "Tobin's mother",
        "Wren's sister",
        "Osric's friend",
        "Quillfeather's mum",
        "Wren's parents",  # no Marsh Family
        "Mr and Mrs Marsh",
    ],
)
def test_unknown_kin_is_not_guessed(bramble: KnowledgeBase, written: str) -> None:
    assert resolver_for(bramble).resolve(written, BRAMBLE).character is None


def test_kin_needs_a_fandom_in_context(bramble: KnowledgeBase) -> None:
    assert resolver_for(bramble).resolve("Osric Quillfeather's mother").character is None


def test_kin_of_parses_owner_and_word() -> None:
    assert kin_of("Remus' Mum") == ("remus", "mum")
    assert kin_of("Draco Malfoy's house elf") == ("draco malfoy", "house elf")
    assert kin_of("Mother of Dragons and Queens and Kings and Knights") is None
    assert kin_of("Mother") is None


def test_kin_of_unknown_characters_is_an_error() -> None:
    data = {"name": "Bramble", "characters": {"male": {"Bede": []}}, "kin": {"Nobody": {}}}
    with pytest.raises(KnowledgeBaseError):
        parse_fandom_file(data, "bramble.toml")


def test_shipped_kin_names_characters_of_the_same_fandom(kb: KnowledgeBase) -> None:
    names = {(c.fandom, c.name) for c in kb.characters}
    kinds = set(name_words().kin.values()) | name_words().owned_forms
    for character in kb.characters:
        for kind, target in character.kin:
            assert (character.fandom, target) in names, (character.name, kind, target)
            assert kind in kinds, (character.name, kind)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Hester Quillfeather (Osric's mother)", "Perdita Quillfeather"),  # a fanon name
        ("Marigold Fennick (Osric's mum)", "Perdita Quillfeather"),  # names no one
        ("Bede (Wren's brother)", "Bede Marsh"),
        ("Wren Marsh (Bede's sister)", "Wren Marsh"),  # no kin given: the name stands
        ("Tobin Quillfeather (Osric's mother)", "Tobin Quillfeather"),  # someone else, in full
    ],
)
def test_a_relative_named_in_an_aside(bramble: KnowledgeBase, written: str, canonical: str) -> None:
    match = resolver_for(bramble).resolve(written, BRAMBLE)
    assert match.character is not None and match.character.name == canonical

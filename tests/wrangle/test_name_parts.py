"""A name made of a given name and family name(s) a character goes by reads as that character:
its own, its aliases', its kin's and the fandom file's fanon names; typos and a family name's
beginning are forgiven when one character is clearly closest, never on a tie."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, KnowledgeBaseError, parse_fandom_file

from .conftest import fandom_kb

THORN = frozenset({"Thornwick"})

_FILE = {
    "name": "Thornwick",
    "characters": {
        "male": {
            "Corvin Ashgrove": ["Corvin Ulric Ashgrove"],
            "Corvin Ashgrove II": [],
            "Corben Ashgrove": [],
            "Aldo Ashgrove": [],
            "Bastian Vell": [],
            "Mirror Aldo": ["Mirror Aldo Ashgrove"],
            "Orrin Holt": ["Orrin Holte"],
            "Ulric Fenn": [],
        },
        "female": {
            "Mirela Thorne Ashgrove": ["Mirela Thorne"],
            "Ysolde Vell": [],
            "Nerys Quint": [],
            "Petronel Vell": [],
            "Orin de la Marche": [],
        },
        "other": {"Original Female Character(s)": ["OFC"]},
    },
    "groups": {"Quint Hall": ["quint hall"]},
    "group_anchors": {"Quint Hall": ["quint"]},
    "fanon": {"Corvin Ashgrove": {"given": ["Corwyn", "Corvina"], "family": ["Vell"]}},
    "kin": {
        "Corvin Ashgrove": {"mother": "Mirela Thorne Ashgrove", "father": "Aldo Ashgrove"},
        "Bastian Vell": {"wife": "Ysolde Vell"},
    },
}


@pytest.fixture(scope="module")
def thornwick() -> KnowledgeBase:
    return fandom_kb(_FILE, "thornwick.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Corvin Thorne", "Corvin Ashgrove"),  # his mother's maiden name
        ("Corwyn Thorne", "Corvin Ashgrove"),  # a fanon given name with it
        ("Corvina Vell", "Corvin Ashgrove"),  # fanon given and family names together
        ("Corwyn Ulric Vell-Thorne", "Corvin Ashgrove"),  # a middle name, two family names
        ("Corvinn Ashgorve", "Corvin Ashgrove"),  # a typo in each word
        ("corvin ash", "Corvin Ashgrove"),  # the family name's beginning
        ("Corbin Ashgrove", None),  # one letter from Corvin and from Corben alike
        ("Corwyn Quint", None),  # he goes by no Quint
        ("Bastian Thorne (mentioned)", "Bastian Vell"),  # a given name only he has
    ],
)
def test_names_a_character_goes_by(
    thornwick: KnowledgeBase, written: str, canonical: str | None
) -> None:
    match = resolver_for(thornwick).resolve(written, THORN)
    assert (match.character.name if match.character else None) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Corvin", "Corvin Ashgrove"),  # the elder, not the grandson named after him
        ("past Corvin", "Corvin Ashgrove"),
        ("Petron", "Petronel Vell"),  # the beginning of the one given name so begun
        ("Pet", None),  # too short to say
        ("Darkbastian - Character", "Bastian Vell"),  # a label run into the name
        ("Ysolde Quint (Vell)", "Ysolde Vell"),  # her maiden name in an aside
        ("Mirror!Cursed!Aldo", "Mirror Aldo"),  # a label completes the name
        ("Mirror Cursed (Aldo Ashgrove)", "Mirror Aldo"),
        ("Orrin de la Marche", "Orin de la Marche"),  # a letter off her name, not Orrin Holt
        ("(aka Orrin)", "Orrin Holt"),
        ("Quint - Character", "Nerys Quint"),  # a person, where "Quint" may be the hall
        ("Quint", None),
        ("OFC - Young Petronel/Silver", "Petronel Vell"),  # the person, not the kind
        ("POC Corvin - Character", "Corvin Ashgrove"),
        ("Mr Holte", "Orrin Holt"),  # a family name only an alias spells so
        ("Ulric Ashgrove", None),  # Corvin's middle name, not Ulric Fenn
    ],
)
def test_loose_readings(thornwick: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(thornwick).resolve(written, THORN)
    assert (match.character.name if match.character else None) == canonical


def test_fanon_names_need_a_fandom(thornwick: KnowledgeBase) -> None:
    assert resolver_for(thornwick).resolve("Corwyn Thorne").character is None


def test_fanon_names_must_name_characters_of_the_file() -> None:
    data = {"name": "Thornwick", "characters": {}, "fanon": {"No One": {"given": ["Nobody"]}}}
    with pytest.raises(KnowledgeBaseError):
        parse_fandom_file(data, "thornwick.toml")

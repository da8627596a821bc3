"""Tags worn by how people type them: an aside AO3 cut short or a bracket lost, a letter held
for effect, a name typed half-way into AO3's character field, an abbreviation or a people's
adjective before a whole name, a description after a dash. Each is read as the character it
names, and only then."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

MARSH = frozenset({"Marshlight"})

_FILE = {
    "name": "Marshlight",
    "characters": {
        "male": {
            "Tobiah Fennick": ["Glimmerwick"],
            "Severin Ashdown": [],
            "Oswin Rook III": [],
        },
        "female": {"Mirela Quade": [], "Wenna Fennick": [], "Nessa Marrow": []},
        "other": {"Quorvandel (Marshlight)": []},
    },
}


@pytest.fixture(scope="module")
def marsh() -> KnowledgeBase:
    return fandom_kb(_FILE, "marshlight.toml")


def _read(kb: KnowledgeBase, written: str) -> str | None:
    match = resolver_for(kb).resolve(written, MARSH)
    return match.character.name if match.character else None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tobiah Fennick (Marsh", "Tobiah Fennick"),  # an aside cut short
        ("Mirela Quade)", "Mirela Quade"),  # a stray closing bracket
        ("(Nessa Marrow", "Nessa Marrow"),  # an opening bracket left at the start
        ("Mirela Quade – the ferrywoman", "Mirela Quade"),  # a description after an en dash
        ("Nessa Marrow — briefly", "Nessa Marrow"),  # and after an em dash
    ],
)
def test_worn_brackets_and_dashes(marsh: KnowledgeBase, written: str, canonical: str) -> None:
    assert _read(marsh, written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mirelaaaaa", "Mirela Quade"),  # one letter held
        ("Tobiahhhh Fennick", "Tobiah Fennick"),
        ("Wennnna", "Wenna Fennick"),  # cut to two letters
        ("Oswin Rook III", "Oswin Rook III"),  # a numeral is not a held letter
        ("Zzzzz", None),  # nobody's name, however long it is held
    ],
)
def test_held_letters(marsh: KnowledgeBase, written: str, canonical: str | None) -> None:
    assert _read(marsh, written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Sever - Character", "Severin Ashdown"),  # typed half-way, then made a character
        ("Sever", None),  # alone, the ordinary word it is
        ("Mire - Character", "Mirela Quade"),
        ("Mire", None),
        ("Quorvan", "Quorvandel (Marshlight)"),  # a one-word name typed half-way
        ("Glimmer", None),  # an alias's beginning that is an ordinary word
    ],
)
def test_name_typed_half_way(marsh: KnowledgeBase, written: str, canonical: str | None) -> None:
    assert _read(marsh, written) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Kryptonian Tobiah Fennick", "Tobiah Fennick"),  # a people's adjective
        ("OMP Nessa Marrow", "Nessa Marrow"),  # an abbreviation
        ("Omp Nessa Marrow", None),  # the same word as a name may be a given name
        ("Corwick Nessa Marrow", None),  # an unknown word may be a given name too
        ("Jenny Nessa Marrow", None),  # a given name before a name is her given name
        ("Brian Tobiah Fennick", None),  # even one ending as a people's adjective does
        ("Ashdown Nessa Marrow", None),  # and a family name a double-barrelled one
        ("Glimmerwyck Nessa Marrow", None),  # begins like a name ("Glimmerwick")
    ],
)
def test_coined_word_before_a_whole_name(
    marsh: KnowledgeBase, written: str, canonical: str | None
) -> None:
    assert _read(marsh, written) == canonical


def test_a_name_namesakes_share_is_the_lead_when_the_others_are_extras() -> None:
    cast = {f"Extra {n} Fennick": [] for n in ("Ansel", "Brin", "Cade", "Dorn", "Evan", "Fitch")}
    kb = fandom_kb(
        {
            "name": "Marshlight",
            "characters": {"male": {"Tobiah Fennick": [], **cast, "Tobiah Hale": []}},
        },
        "marshlight.toml",
    )
    match = resolver_for(kb).resolve("Tobiah", MARSH)
    assert match.character is not None
    assert match.character.name == "Tobiah Fennick"  # the lead, not the innkeeper at the end
    assert "lead" in match.how
    two_leads = fandom_kb(
        {"name": "Marshlight", "characters": {"male": {"Tobiah Fennick": [], "Tobiah Hale": []}}},
        "marshlight.toml",
    )
    assert resolver_for(two_leads).resolve("Tobiah", MARSH).character is None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Tobiah Fennick (lantern)", "Lantern Tobiah Fennick"),
        ("Tobiah Fennick (the ghost in the lantern)", "Lantern Tobiah Fennick"),  # one word
        ("Tobiah Fennick the ghost in the lantern", "Lantern Tobiah Fennick"),  # a description
        ("Tobiah Fennick (Nessa Marrow)", "Tobiah Fennick"),  # a name's words complete nothing
        ("Tobiah Fennick the ferryman", "Tobiah Fennick"),
    ],
)
def test_an_aside_or_description_completes_another_name(written: str, canonical: str) -> None:
    kb = fandom_kb(
        {
            "name": "Marshlight",
            "characters": {
                "male": {"Tobiah Fennick": [], "Lantern Tobiah Fennick": []},
                "female": {"Nessa Marrow": [], "Marrow Tobiah Fennick": []},
            },
        },
        "marshlight.toml",
    )
    match = resolver_for(kb).resolve(written, MARSH)
    assert match.character is not None
    assert match.character.name == canonical

"""A freeform about one character is named as AO3 names such tags: the descriptor and the
character's canonical name ("Protective!Tobiah" -> "Protective Tobiah Fennick", "Mirela
bashing" -> "Mirela Quade Bashing"), only with the work's fandom known, and only when the
rest of the tag is that character's name and nothing else."""

from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle
from ficshelf.wrangle.character_freeforms import character_freeform
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb, raw_work

MARSH = frozenset({"Marshlight"})

_FILE = {
    "name": "Marshlight",
    "characters": {
        "male": {"Tobiah Fennick": [], "Oswin Rook": []},
        "female": {"Mirela Quade": [], "Nessa Marrow": []},
    },
    "groups": {"Rook Family": ["rook family"]},
}


@pytest.fixture(scope="module")
def marsh() -> KnowledgeBase:
    return fandom_kb(_FILE, "marshlight.toml")


def _read(kb: KnowledgeBase, written: str) -> str | None:
    found = character_freeform(written, resolver_for(kb), MARSH)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Protective!Tobiah", "Protective Tobiah Fennick"),
        ("badass Mirela", "BAMF Mirela Quade"),  # the descriptor as AO3 writes it
        ("Fem!Oswin Rook", "Female Oswin Rook"),
        ("Mirela bashing", "Mirela Quade Bashing"),  # AO3 puts this one after the name
        ("Bashing!Mirela", "Mirela Quade Bashing"),
        ("Oswin is alive", "Oswin Rook Lives"),
        ("Nessa is so gay", "Gay Nessa Marrow"),  # after the name, "is so" between
        ("Evil Tobiah (mentioned)", "Evil Tobiah Fennick"),
        ("Good Quade - Freeform", "Good Mirela Quade"),
        ("Rook's alive", "Oswin Rook Lives"),  # "'s" for "is", not the Rooks
        ("Good Rook's", "Good Rook Family"),  # at the end, a plural with an apostrophe
    ],
)
def test_a_freeform_about_one_character(marsh: KnowledgeBase, written: str, canonical: str) -> None:
    assert _read(marsh, written) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "Protective parents",  # nobody's name
        "Good Tobiah is a knight",  # a description after the name
        "Evil Female Tobiah",  # two descriptors: which would AO3 keep?
        "Good Tobiah and Oswin",  # two people
        "Tobiah",  # no descriptor
    ],
)
def test_not_a_freeform_about_one_character(marsh: KnowledgeBase, written: str) -> None:
    assert _read(marsh, written) is None


def test_no_fandom_no_character_freeform(marsh: KnowledgeBase) -> None:
    assert character_freeform("Protective!Tobiah", resolver_for(marsh), frozenset()) is None


def test_header_freeforms_about_a_character_once_the_fandom_is_known(
    marsh: KnowledgeBase,
) -> None:
    work = wrangle(
        raw_work(
            fandoms=("Marshlight",),
            freeforms=("Protective!Tobiah, Mirela bashing",),
            warnings=("angst, Good!Oswin",),
        ),
        marsh,
    )
    assert {t.name for t in work.freeforms} >= {
        "Protective Tobiah Fennick",
        "Mirela Quade Bashing",
        "Good Oswin Rook",
    }
    protective = next(t for t in work.freeforms if t.name == "Protective Tobiah Fennick")
    assert protective.written == "Protective!Tobiah"
    assert "about one character" in protective.how

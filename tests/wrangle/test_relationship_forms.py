"""Relationship tags in the forms fans write them: AO3's suffix, a ship name among other
words or worn by typing, names glued by an "x" or set side by side, names run together."""

from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase
from ficshelf.wrangle.relationships import read_pairing

from .conftest import raw_work

HP = "Harry Potter - J. K. Rowling"


def _names(written: str, fandom: str = "Harry Potter") -> list[str]:
    work = wrangle(raw_work(fandoms=(fandom,), relationships=(written,)))
    return [t.name for t in work.relationships if t.known]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Drarry - Relationship", "Draco Malfoy/Harry Potter"),
        ("Hinny- Relationship", "Ginny Weasley/Harry Potter"),
        ("H/D -Relationship", "Draco Malfoy/Harry Potter"),
        ("past Hinny - Relationship", "Ginny Weasley/Harry Potter"),
    ],
)
def test_ao3_relationship_suffix_is_not_part_of_the_pairing(written: str, canonical: str) -> None:
    assert _names(written) == [canonical]


def test_a_name_ending_in_relationship_words_is_not_cut() -> None:
    # Only the suffix AO3 writes, after a dash, goes: not a word inside the pairing.
    pairing = read_pairing("Harry/Relationship Counsellor", KnowledgeBase.default(), frozenset())
    assert pairing is not None
    assert pairing.people == ("Harry", "Relationship Counsellor")

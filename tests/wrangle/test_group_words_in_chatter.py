"""A word of a group's name of several words names no one alone in chatter ("Storm Rider
versions of Quill" is not Storm), though the word alone still does ("oh and Storm"), and a
group named in chatter is still read ("1970s Storm Riders")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import fandom_kb

VALE = frozenset({"Vale"})

_FILE = {
    "name": "Vale",
    "characters": {"other": {"Storm": []}, "male": {"Oren Quill": [], "Tobin Quill": []}},
    "groups": {"Storm Riders": ["storm riders", "storm rider"]},
}


@pytest.fixture(scope="module")
def vale() -> KnowledgeBase:
    return fandom_kb(_FILE, "vale.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Storm Rider versions of Quill", None),  # which Quill? not Storm
        ("oh and Storm", "Storm"),
        ("1970's Storm Riders", "Storm Riders"),
    ],
)
def test_group_words_in_chatter(vale: KnowledgeBase, written: str, canonical: str | None) -> None:
    match = resolver_for(vale).resolve(written, VALE)
    assert (match.character.name if match.character else None) == canonical

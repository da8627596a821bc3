"""A freeform is read by its words when no synonym names it: words that only say how much are
dropped ("SO MUCH DAMN ANGST" is Angst), and words that pick a kind of the thing pick the
canonical of that kind ("a little angsty" is Light Angst, "slash later on" is Pre-Slash). A
tag whose words two canonicals share, or whose subject nobody has, stays as written."""

from __future__ import annotations

import pytest

from ficshelf.model import TagType
from ficshelf.wrangle.freeforms import wrangle_freeform
from ficshelf.wrangle.kb import KnowledgeBase

_FREEFORMS = {
    "Angst": ("angsty",),
    "Light Angst": (),
    "Fluff": ("fluffy",),
    "Fluff and Angst": (),
    "Slash": (),
    "Pre-Slash": (),
    "Child Abuse": (),
    "Implied/Referenced Child Abuse": (),
    "Minor Character Death": (),
    "Character Death": (),
    "Road Trip": (),
    "Trip (Road)": (),  # the same words as the one above
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(freeforms=_FREEFORMS)


def _read(kb: KnowledgeBase, written: str) -> tuple[str, bool]:
    tag = wrangle_freeform(written, kb)
    assert tag.type is TagType.FREEFORM
    return tag.name, tag.known


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("SO MUCH DAMN ANGST", "Angst"),
        ("mostly just angst tbh", "Angst"),
        ("Angst angst angst angst", "Angst"),  # a word said again is said once
        ("angstish", "Angst"),
        ("a lot of angst - Freeform", "Angst"),  # AO3's own suffix
        ("fluff and then angst", "Fluff and Angst"),
        ("angst & fluff", "Fluff and Angst"),  # the same words in any order
    ],
)
def test_words_that_only_say_how_much_are_dropped(
    kb: KnowledgeBase, written: str, canonical: str
) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("A little angsty?", "Light Angst"),  # a kind of what a synonym names
        ("really light angst", "Light Angst"),
        ("slash later on", "Pre-Slash"),
        ("mild implied child abuse", "Implied/Referenced Child Abuse"),  # no mild kind of it
        ("Extremely minor character death", "Minor Character Death"),
        ("a little fluff", "Fluff"),  # no light kind of fluff: fluff itself
    ],
)
def test_words_that_pick_a_kind_pick_its_canonical(
    kb: KnowledgeBase, written: str, canonical: str
) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    "written",
    [
        "just a road trip",  # words two canonicals share
        "angst adjacent vibes",  # words nobody's tag has
        "just a little bit",  # nothing but words that say how much
    ],
)
def test_unclear_words_stay_as_written(kb: KnowledgeBase, written: str) -> None:
    assert not wrangle_freeform(written, kb).known


def test_the_reading_says_how_it_read(kb: KnowledgeBase) -> None:
    tag = wrangle_freeform("A little angsty?", kb)
    assert "a kind of Angst" in tag.how

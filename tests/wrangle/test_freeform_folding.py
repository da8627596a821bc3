"""Freeforms folded by general rules rather than listed synonyms: a tagger's asides around a
tag ("tw:", "genre:", "but mostly ... tho", "at first") are dropped, a pinch or a dash is a
light kind, "major and minor" is neither kind, and a word nobody uses is read as the known
word it is another spelling or a typo of. Words that turn a tag around ("no", "not",
"without"), real words and typos that fit two words stay as written."""

from __future__ import annotations

import pytest

from ficshelf.model import TagType
from ficshelf.wrangle.freeforms import wrangle_freeform
from ficshelf.wrangle.kb import KnowledgeBase

_FREEFORMS = {
    "Angst": ("angsty",),
    "Light Angst": (),
    "Fluff": ("fluffy",),
    "Humor": ("humorous",),
    "Crack": (),
    "Crossover": (),
    "First Kiss": (),
    "Hurt/Comfort": (),
    "Character Death": (),
    "Minor Character Death": (),
    "Sexual Content": (),
    "Explicit Sexual Content": (),
    "Established Relationship": (),
    "Soul Bonding": (),
    "Soul Bending": (),  # one letter from the one above
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
        ("tw: angst", "Angst"),
        ("CW angst", "Angst"),
        ("angst tw", "Angst"),
        ("genre: fluff", "Fluff"),
        ("but mostly fluff tho", "Fluff"),
        ("fluff because i can", "Fluff"),
        ("like so much fluff", "Fluff"),
        ("actual humor for once", "Humor"),
        ("angst at first", "Angst"),  # "at first" is an aside, "first" alone is not
        ("fluff for days", "Fluff"),
        ("humor here and there", "Humor"),
    ],
)
def test_asides_around_a_tag_are_dropped(kb: KnowledgeBase, written: str, canonical: str) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    "written",
    [
        "no angst",
        "not fluff",
        "fluff without angst",
        "first fluff",  # "first" tells "First Kiss" from "Kiss"; only "at first" is an aside
        "fluff days",
    ],
)
def test_words_that_turn_a_tag_around_are_no_aside(kb: KnowledgeBase, written: str) -> None:
    assert _read(kb, written)[1] is False


def test_a_first_kiss_keeps_its_first(kb: KnowledgeBase) -> None:
    assert _read(kb, "first kiss at first") == ("First Kiss", True)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("a dash of angst", "Light Angst"),
        ("just a pinch of angst", "Light Angst"),
        ("a dash of fluff", "Fluff"),  # no light kind of it: the thing itself
    ],
)
def test_a_small_amount_is_a_light_kind(kb: KnowledgeBase, written: str, canonical: str) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("major and minor character death", "Character Death"),
        ("minor/major character death", "Character Death"),
        ("minor character death", "Minor Character Death"),
    ],
)
def test_major_and_minor_together_are_neither(
    kb: KnowledgeBase, written: str, canonical: str
) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("crossovers", "Crossover"),  # plural
        ("Humourous", "Humor"),  # British spelling
        ("humour", "Humor"),
        ("cracky", "Crack"),  # an -y adjective of the noun
        ("a bit angsty", "Light Angst"),
        ("Estabilshed Relationship", "Established Relationship"),  # typos
        ("establsihed relationship", "Established Relationship"),
        ("Hurt/Comfrot", "Hurt/Comfort"),
        ("explict sexual content", "Explicit Sexual Content"),  # a typo of a modifier
        ("crossver", "Crossover"),
    ],
)
def test_other_spellings_and_typos_are_read_as_the_known_word(
    kb: KnowledgeBase, written: str, canonical: str
) -> None:
    assert _read(kb, written) == (canonical, True)


@pytest.mark.parametrize(
    "written",
    [
        "Soul Bxnding",  # as close to "bonding" as to "bending"
        "Hurt/Comport",  # a real word, not a typo
        "Establishment Relationship",
        "Xrossover",  # a typo in the first letter is too far
        "Agnt",  # too short to guess at
        "fluffles",  # too far from any word
    ],
)
def test_real_words_and_doubtful_typos_stay_as_written(kb: KnowledgeBase, written: str) -> None:
    assert _read(kb, written)[1] is False


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("романтика", "Romance"), ("Freundschaft", "Friendship"), ("famiglia", "Family")],
)
def test_the_most_used_tags_are_known_in_the_big_fan_languages(
    written: str, canonical: str
) -> None:
    tag = wrangle_freeform(written, KnowledgeBase.default())
    assert (tag.name, tag.known) == (canonical, True)


def test_a_word_of_another_language_that_names_no_tag_stays_as_written() -> None:
    assert wrangle_freeform("Freundschaftsbuch", KnowledgeBase.default()).known is False

"""Relationship tags in other scripts and in initials: Chinese ship names ("德哈"), Russian
ones ("снарри", "гп/сс"), initials ("HPxGW", "HPTMR"), the fandom's initials before a pairing
("HP H/D"), and lists missing a separator ("Harry Ron and Hermione")."""

from __future__ import annotations

import pytest

from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import Additions, KnowledgeBase, Portmanteau
from ficshelf.wrangle.relationships import read_pairing

from .conftest import fandom_kb

HP = "Harry Potter - J. K. Rowling"
LANTERNS = "Lanterns"

# An invented fandom with Chinese names: 凯 begins a lead's name (Kaito) and a minor one's
# far down the cast (Kyle); 玛 begins two leads' (Maren, Mara).
_FILE = {
    "name": LANTERNS,
    "characters": {
        "male": {
            "Kaito Brand": ["凯托·布兰德", "凯托"],
            "Oren Vale": ["奥伦·维尔", "奥伦"],
            "Toby Ash": ["托比·阿什"],
            "Ivo Quill": [],
            "Ansel Brack": [],
            "Tobin Rook": [],
            "Jory Fenn": [],
            "Kyle Dunn": ["凯尔·邓恩"],
        },
        "female": {"Maren Rook": ["玛伦·鲁克", "玛伦"], "Mara Penn": ["玛拉·潘恩"]},
    },
}


@pytest.fixture(scope="module")
def lanterns() -> KnowledgeBase:
    return fandom_kb(_FILE, "lanterns.toml")


def _read(written: str, kb: KnowledgeBase, fandom: str) -> tuple[str, ...] | None:
    """The people a tag is read as naming ("?" for a name not read), sorted."""
    context = frozenset({fandom})
    pairing = read_pairing(written, kb, context)
    if pairing is None:
        return None
    if pairing.members:
        return tuple(sorted(pairing.members))
    found = [resolver_for(kb).resolve(p, context).character for p in pairing.people]
    return tuple(sorted(c.name if c else "?" for c in found))


@pytest.mark.parametrize("written", ["凯奥", "奥凯 - Relationship", "凯奥 kaioren"])
def test_chinese_ship_name_is_read_from_the_names_it_is_made_of(
    lanterns: KnowledgeBase, written: str
) -> None:
    # 凯 also begins Kyle's name, but he is far down the cast: Kaito is meant.
    assert _read(written, lanterns, LANTERNS) == ("Kaito Brand", "Oren Vale")


def test_chinese_ship_name_fitting_two_central_characters_is_not_guessed(
    lanterns: KnowledgeBase,
) -> None:
    assert _read("凯玛", lanterns, LANTERNS) == ("?",)


def test_a_ship_the_fandom_names_settles_which_central_character_is_meant(
    lanterns: KnowledgeBase,
) -> None:
    ship = Portmanteau("Kaimar", LANTERNS, ("Kaito Brand", "Maren Rook"))
    kb = lanterns.extended(Additions(portmanteaus=(ship,)))
    assert _read("凯玛", kb, LANTERNS) == ("Kaito Brand", "Maren Rook")


def test_a_chinese_name_is_not_read_as_a_ship(lanterns: KnowledgeBase) -> None:
    # 凯 and 托 begin Kaito's and Toby's names, but 凯托 is Kaito's own.
    assert _read("凯托", lanterns, LANTERNS) == ("Kaito Brand",)


def test_chinese_ship_name_needs_a_fandom_in_context(lanterns: KnowledgeBase) -> None:
    pairing = read_pairing("凯奥", lanterns, frozenset())
    assert pairing is not None and not pairing.members


@pytest.mark.parametrize(
    ("written", "members"),
    [
        ("德哈", ("Draco Malfoy", "Harry Potter")),
        ("跩哈", ("Draco Malfoy", "Harry Potter")),  # Taiwan's Draco
        ("斯哈", ("Harry Potter", "Severus Snape")),
        ("伏哈 - Relationship", ("Harry Potter", "Voldemort (Harry Potter)")),
        ("瑞哈", ("Harry Potter", "Tom Riddle")),  # Taiwan's Riddle, 瑞斗
        ("Drarry 德哈", ("Draco Malfoy", "Harry Potter")),
    ],
)
def test_chinese_ship_names_of_a_well_known_fandom(written: str, members: tuple[str, ...]) -> None:
    assert _read(written, KnowledgeBase.default(), HP) == members


@pytest.mark.parametrize(
    ("written", "members"),
    [
        ("снарри", ("Harry Potter", "Severus Snape")),
        ("драрри", ("Draco Malfoy", "Harry Potter")),
        ("гарритом", ("Harry Potter", "Tom Riddle")),
        ("гп/сс", ("Harry Potter", "Severus Snape")),  # Гарри Поттер / Северус Снейп
    ],
)
def test_russian_ship_names(written: str, members: tuple[str, ...]) -> None:
    assert _read(written, KnowledgeBase.default(), HP) == members


def test_a_russian_name_is_not_read_as_a_ship() -> None:
    assert _read("Гарри", KnowledgeBase.default(), HP) == ("Harry Potter",)


@pytest.mark.parametrize(
    ("written", "members"),
    [
        ("HPxGW", ("Ginny Weasley", "Harry Potter")),
        ("HPTMR", ("Harry Potter", "Tom Riddle")),
        ("LVHP - Relationship", ("Harry Potter", "Voldemort (Harry Potter)")),
        ("HPTRJ Preslash?", ("Harry Potter", "Tom Riddle")),  # Tom Riddle Jr.
        ("HP/BZ", ("Blaise Zabini", "Harry Potter")),
        ("HHr - Relationship", ("Harry Potter", "Hermione Granger")),  # H/Hr, slash left out
        ("wip HP/DM", ("Draco Malfoy", "Harry Potter")),
        ("HP H/D", ("Draco Malfoy", "Harry Potter")),  # the fandom's initials, then H/D
        ("hp:h/d", ("Draco Malfoy", "Harry Potter")),
    ],
)
def test_initials(written: str, members: tuple[str, ...]) -> None:
    assert _read(written, KnowledgeBase.default(), HP) == members


@pytest.mark.parametrize("written", ["ITEM", "OMG", "NCIS"])
def test_random_capitals_are_not_initials(written: str) -> None:
    assert _read(written, KnowledgeBase.default(), HP) == ("?",)


def test_an_ordinary_two_letter_word_is_not_initials() -> None:
    assert _read("me/Harry", KnowledgeBase.default(), HP) == ("?", "Harry Potter")


def test_initials_of_one_character_each(lanterns: KnowledgeBase) -> None:
    assert _read("KBMR", lanterns, LANTERNS) == ("Kaito Brand", "Maren Rook")


def test_initials_of_two_central_characters_are_not_guessed() -> None:
    # MR is both Mat Rook's and Milo Reed's initials, and both lead the cast.
    cast = {"male": {"Mat Rook": [], "Milo Reed": [], "Kai Bell": []}}
    kb = fandom_kb({"name": LANTERNS, "characters": cast}, "lanterns.toml")
    assert _read("KBMR", kb, LANTERNS) == ("?",)


def test_a_ship_among_names_is_not_read_over_the_names() -> None:
    # "Harmony" is a ship name, but here it is part of a (fan-made) person's name.
    found = _read("Severus Snape/Harmony Potter", KnowledgeBase.default(), HP)
    assert found is not None and "Hermione Granger" not in found


def test_platonic_initials_ship_is_platonic() -> None:
    pairing = read_pairing("platonic H/D tho", KnowledgeBase.default(), frozenset({HP}))
    assert pairing is not None and pairing.members and not pairing.romantic


def test_list_missing_a_comma() -> None:
    found = _read("Harry Ron and Hermione", KnowledgeBase.default(), HP)
    assert found == ("Harry Potter", "Hermione Granger", "Ron Weasley")


def test_a_full_name_in_a_list_is_not_split() -> None:
    found = _read("Lily Potter and James Potter", KnowledgeBase.default(), HP)
    assert found == ("James Potter", "Lily Evans Potter")


def test_word_before_a_bracketed_pairing() -> None:
    found = _read("Past (Harry Potter/Ron Weasley)", KnowledgeBase.default(), HP)
    assert found == ("Harry Potter", "Ron Weasley")


def test_a_name_before_brackets_keeps_its_aside() -> None:
    assert _read("Voldemort (Harry Potter)", KnowledgeBase.default(), HP) == (
        "Voldemort (Harry Potter)",
    )

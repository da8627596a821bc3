"""Relationship tags in the forms fans write them: AO3's suffix, a ship name among other
words or worn by typing, names glued by an "x" or set side by side, names run together."""

from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle
from ficshelf.wrangle.characters import resolver_for
from ficshelf.wrangle.kb import KnowledgeBase, KnowledgeBaseError
from ficshelf.wrangle.relationships import read_pairing, split_pairings

from .conftest import fandom_kb, raw_work

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


def _read(written: str, fandom: str = HP) -> tuple[str, ...] | None:
    """The people a tag is read as naming, canonical when the reading named them."""
    kb = KnowledgeBase.default()
    pairing = read_pairing(written, kb, frozenset({fandom}))
    if pairing is None:
        return None
    if pairing.members:
        return tuple(sorted(pairing.members))
    found = [resolver_for(kb).resolve(p, frozenset({fandom})).character for p in pairing.people]
    return tuple(sorted(c.name if c else "?" for c in found))


DRACO_HARRY = ("Draco Malfoy", "Harry Potter")


@pytest.mark.parametrize(
    "written",
    ["Slow Burn Drarry", "Angst!Drarry", "Drarry:mpreg", "OTP - Drarry", "the best drarry fic"],
)
def test_a_ship_name_among_other_words_is_read(written: str) -> None:
    assert _read(written) == DRACO_HARRY


@pytest.mark.parametrize(
    "written",
    [
        "Drarry Hinny",  # two different ships: neither is the tag's
        "Dramatic Tension",  # a word that only begins like a ship name
    ],
)
def test_other_words_near_ship_names_are_not_read_as_a_ship(written: str) -> None:
    assert _read(written) == ("?",)


def test_a_ship_name_among_words_needs_its_fandom_in_context() -> None:
    pairing = read_pairing("Slow Burn Drarry", KnowledgeBase.default(), frozenset())
    assert pairing is not None and not pairing.members


@pytest.mark.parametrize("written", ["drarrry", "DRARRYYYYY", "Drary", "Draary", "Drarr"])
def test_a_ship_name_worn_by_typing_is_read(written: str) -> None:
    assert _read(written) == DRACO_HARRY


@pytest.mark.parametrize(
    "written",
    [
        "Rarry",  # one letter off Drarry, but its first letter starts another name
        "Pinny",  # one letter off both Hinny and Linny, and the first letter of neither
        "Drar",  # too short for a slip to leave it recognisable
    ],
)
def test_words_near_several_or_short_ship_names_are_not_read(written: str) -> None:
    assert _read(written) == ("?",)


@pytest.mark.parametrize(
    "written",
    ["DracoxHarry", "harryxdraco", "MalfoyxPotter", "Harry PotterxDraco Malfoy", "Fem!HarryxDraco"],
)
def test_two_names_glued_by_an_x_are_split(written: str) -> None:
    assert _read(written) == DRACO_HARRY


@pytest.mark.parametrize(
    ("written", "fandom"),
    [("Xander", "Buffy the Vampire Slayer"), ("Maxwell", "Gundam Wing"), ("Roxanne Weasley", HP)],
)
def test_a_name_with_an_x_in_it_is_not_split(written: str, fandom: str) -> None:
    kb = KnowledgeBase.default()
    pairing = read_pairing(written, kb, frozenset({fandom}))
    assert pairing is not None and pairing.people == (written,)


@pytest.mark.parametrize(
    ("written", "people"),
    [
        ("draco harry", DRACO_HARRY),
        ("Harry Potter Draco Malfoy", DRACO_HARRY),
        ("Snape Harry", ("Harry Potter", "Severus Snape")),
        ("harry voldemort", ("Harry Potter", "Voldemort (Harry Potter)")),
    ],
)
def test_two_names_with_only_a_space_between_are_split(
    written: str, people: tuple[str, ...]
) -> None:
    assert _read(written) == people


@pytest.mark.parametrize(
    "written",
    [
        "Lily Slytherin",  # a given name and a family name: one (original) person
        "Rose Potter",
        "Harry James",  # the first words of Harry James Potter
        "snape adopts harry",  # a sentence about two people, not two names
    ],
)
def test_one_persons_name_or_a_sentence_is_not_split(written: str) -> None:
    pairing = read_pairing(written, KnowledgeBase.default(), frozenset({HP}))
    assert pairing is not None and pairing.people == (written,)


def test_friendship_after_two_names_side_by_side() -> None:
    assert _read("tom harry friendship") == ("Harry Potter", "Tom Riddle")


@pytest.mark.parametrize(
    ("written", "romantic"),
    [("tom harry friendship", False), ("Harry/Ron friendship", False), ("Harry/Ron", True)],
)
def test_a_pairing_called_a_friendship_is_platonic(written: str, romantic: bool) -> None:
    pairing = read_pairing(written, KnowledgeBase.default(), frozenset({HP}))
    assert pairing is not None and pairing.romantic is romantic


def test_three_names_joined_by_and_are_one_group() -> None:
    written = "Ron Weasley and Harry Potter and Hermione Granger"
    assert _read(written) == ("Harry Potter", "Hermione Granger", "Ron Weasley")


def test_and_between_three_things_not_all_names_is_not_a_group() -> None:
    pairing = read_pairing("Harry and Draco and Chill", KnowledgeBase.default(), frozenset({HP}))
    assert pairing is not None and len(pairing.people) == 1


@pytest.mark.parametrize(
    ("written", "people"),
    [
        ("HarryDraco", DRACO_HARRY),
        ("TomHarry", ("Harry Potter", "Tom Riddle")),
        ("harrytom", ("Harry Potter", "Tom Riddle")),
        ("HarryRon", ("Harry Potter", "Ron Weasley")),
    ],
)
def test_two_whole_names_run_together_are_read_in_the_fandom_in_context(
    written: str, people: tuple[str, ...]
) -> None:
    assert _read(written) == people


def test_another_fandoms_reading_does_not_win_over_the_fandom_in_context() -> None:
    # "Har" and "Dra" begin several Harry Potter names: no reading, rather than Marvel's.
    pairing = read_pairing("HarDra", KnowledgeBase.default(), frozenset({HP}))
    assert pairing is not None and not pairing.members


def test_name_prefixes_of_the_fandom_in_context_still_split() -> None:
    assert _read("KakaIru", "Naruto") == ("Hatake Kakashi", "Umino Iruka")


_FRIENDS = {
    "name": "Brook",
    "characters": {"male": {"Osric Vale": [], "Bede Marsh": []}, "female": {"Wren Rook": []}},
    "groups": {
        "Reed Three (Brook)": ["reed three", "the reed three"],
        "Brook Folk": ["brook folk"],
    },
    "group_members": {"Reed Three (Brook)": ["Osric Vale", "Wren Rook", "Bede Marsh"]},
}


@pytest.mark.parametrize("written", ["Reed Three Friendship", "The Reed Three - Relationship"])
def test_a_group_of_friends_as_a_relationship_is_their_friendship(written: str) -> None:
    kb = fandom_kb(_FRIENDS, "brook.toml")
    work = wrangle(raw_work(fandoms=("Brook",), relationships=(written,)), kb)
    assert [t.name for t in work.relationships] == ["Bede Marsh & Osric Vale & Wren Rook"]


def test_a_group_with_no_members_listed_stays_a_name() -> None:
    kb = fandom_kb(_FRIENDS, "brook.toml")
    pairing = read_pairing("Brook Folk", kb, frozenset({"Brook"}))
    assert pairing is not None and not pairing.members


def test_group_members_must_be_known_characters() -> None:
    data = {**_FRIENDS, "group_members": {"Reed Three (Brook)": ["Osric Vale", "Nobody Known"]}}
    with pytest.raises(KnowledgeBaseError, match="Nobody Known"):
        fandom_kb(data, "brook.toml")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Draco Malfoy／Harry Potter", "Draco Malfoy/Harry Potter"),  # a full-width slash
        ("Draco Malfoy＆Harry Potter", "Draco Malfoy & Harry Potter"),
        ("Draco Malfoy♥Harry Potter", "Draco Malfoy/Harry Potter"),  # a heart is romantic
        ("Draco Malfoy ❤️ Harry Potter", "Draco Malfoy/Harry Potter"),
    ],
)
def test_separators_typed_in_other_scripts_or_as_hearts(written: str, canonical: str) -> None:
    assert _names(written) == [canonical]


def test_a_list_with_full_width_commas_splits() -> None:
    assert split_pairings("A/B，C/D") == ["A/B", "C/D"]

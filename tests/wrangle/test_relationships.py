from __future__ import annotations

import pytest

from ficshelf.model import Category
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.relationships import split_pairings

from .conftest import raw_work


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("A/B and C/D", ["A/B", "C/D"]),
        ("A x B, C+D; E & F", ["A x B", "C+D", "E & F"]),
        ("Harry/Draco", ["Harry/Draco"]),
    ],
)
def test_lists_of_pairings_split(text: str, pieces: list[str]) -> None:
    assert split_pairings(text) == pieces


@pytest.mark.parametrize(
    ("written", "canonical", "fandom"),
    [
        ("Iruka/Kakashi", "Hatake Kakashi/Umino Iruka", "Naruto"),
        ("Kakashi x Iruka", "Hatake Kakashi/Umino Iruka", "Naruto"),
        ("KakashiXIruka", "Hatake Kakashi/Umino Iruka", "Naruto"),
        ("KakaIru", "Hatake Kakashi/Umino Iruka", "Naruto"),
        ("SasuNaru", "Uchiha Sasuke/Uzumaki Naruto", "Naruto"),
        ("Drarry", "Draco Malfoy/Harry Potter", "Harry Potter - J. K. Rowling"),
        ("Johnlock", "John Watson/Sherlock Holmes", "Sherlock (TV)"),
        ("Destiel", "Castiel (Supernatural)/Dean Winchester", "Supernatural"),
        ("1x2", "Duo Maxwell/Heero Yuy", "Gundam Wing"),
        ("2x1x2", "Duo Maxwell/Heero Yuy", "Gundam Wing"),
        ("3+4", "Quatre Raberba Winner/Trowa Barton", "Gundam Wing"),
        (
            "Harry/Draco/Severus",
            "Draco Malfoy/Harry Potter/Severus Snape",
            "Harry Potter - J. K. Rowling",
        ),
        ("Harry & Hermione", "Harry Potter & Hermione Granger", "Harry Potter - J. K. Rowling"),
    ],
)
def test_pairings_get_canonical_names(written: str, canonical: str, fandom: str) -> None:
    work = wrangle(raw_work(relationships=(written,)))
    assert [t.name for t in work.relationships] == [canonical]
    assert [t.name for t in work.fandoms] == [fandom]
    assert work.relationships[0].written == written


def test_unknown_names_are_kept_and_flagged() -> None:
    work = wrangle(raw_work(fandoms=("Naruto",), relationships=("Kakashi/zorblax",)))
    tag = work.relationships[0]
    assert tag.name == "Hatake Kakashi/Zorblax"
    assert not tag.known


def test_categories_inferred_from_known_genders_when_none_stated() -> None:
    work = wrangle(raw_work(relationships=("Harry/Ginny, Ron/Hermione",)))
    assert work.categories == (Category.FM,)
    assert any("categories inferred" in d for d in work.decisions)


def test_stated_categories_win_over_inference() -> None:
    work = wrangle(raw_work(relationships=("Harry/Ginny",), categories=("Gen",)))
    assert work.categories == (Category.GEN,)


def test_no_inference_when_a_gender_is_unknown() -> None:
    work = wrangle(raw_work(fandoms=("Naruto",), relationships=("Kakashi/Zorblax",)))
    assert work.categories == ()


def test_ffn_bracketed_pairing_in_characters() -> None:
    work = wrangle(raw_work(characters=("[Cloud S., Zack F.]",)))
    assert [t.name for t in work.relationships] == ["Cloud Strife/Zack Fair"]
    assert [t.name for t in work.characters] == ["Cloud Strife", "Zack Fair"]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("past Hinny", "Ginny Weasley/Harry Potter"),  # how it appears, then the ship name
        ("Drarry-ish", "Draco Malfoy/Harry Potter"),
        ("pre-Drarry", "Draco Malfoy/Harry Potter"),
        ("Harry/Draco slash", "Draco Malfoy/Harry Potter"),  # the kind of pairing after it
        ("H/D", "Draco Malfoy/Harry Potter"),  # the fandom's initials for a pairing
        ("SS/HP", "Harry Potter/Severus Snape"),
    ],
)
def test_words_around_a_pairing_are_not_people(written: str, canonical: str) -> None:
    work = wrangle(raw_work(relationships=(written,)))
    assert [(t.name, t.known, t.written) for t in work.relationships] == [
        (canonical, True, written)
    ]
    assert [t.name for t in work.fandoms] == ["Harry Potter - J. K. Rowling"]


def test_a_given_name_another_fandom_also_answers_to_is_told_by_the_others() -> None:
    # "Fred" is Angel's Fred Burkle too; George and Harry make it Fred Weasley.
    work = wrangle(raw_work(relationships=("Fred/George/Harry",)))
    assert [t.name for t in work.fandoms] == ["Harry Potter - J. K. Rowling"]
    assert [t.name for t in work.relationships] == ["Fred Weasley/George Weasley/Harry Potter"]

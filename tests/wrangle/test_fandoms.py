from __future__ import annotations

import pytest

from ficshelf.wrangle import wrangle

from .conftest import raw_work


@pytest.mark.parametrize(
    ("stated", "canonical"),
    [
        ("HP", "Harry Potter - J. K. Rowling"),
        ("Harry Potter", "Harry Potter - J. K. Rowling"),
        ("Naruto Shippuden", "Naruto"),
        ("BBC Sherlock", "Sherlock (TV)"),
        ("The Sentinel", "The Sentinel"),
    ],
)
def test_stated_fandoms_become_canonical(stated: str, canonical: str) -> None:
    work = wrangle(raw_work(fandoms=(stated,)))
    assert [t.name for t in work.fandoms] == [canonical]
    assert not work.fandom_inferred


def test_stated_crossover_splits_into_both() -> None:
    work = wrangle(raw_work(fandoms=("Naruto/Harry Potter crossover",)))
    assert {t.name for t in work.fandoms} == {"Naruto", "Harry Potter - J. K. Rowling"}


def test_unknown_fandom_kept_as_written_for_review() -> None:
    work = wrangle(raw_work(fandoms=("Some Tiny Webcomic",)))
    assert [(t.name, t.known) for t in work.fandoms] == [("Some Tiny Webcomic", False)]


def test_fandom_inferred_from_characters() -> None:
    work = wrangle(raw_work(characters=("Cloud S., Zack F.",)))
    assert [t.name for t in work.fandoms] == ["Final Fantasy VII"]
    assert work.fandom_inferred
    assert "Cloud S." in work.fandoms[0].how


def test_crossover_inferred_from_characters_of_two_fandoms() -> None:
    work = wrangle(raw_work(relationships=("Kakashi/Iruka", "Draco Malfoy/Hermione Granger")))
    assert {t.name for t in work.fandoms} == {"Naruto", "Harry Potter - J. K. Rowling"}


def test_no_fandom_guessed_from_one_ambiguous_name() -> None:
    work = wrangle(raw_work(characters=("Harry",)))
    assert work.fandoms == ()
    assert not work.fandom_inferred

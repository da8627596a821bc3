from __future__ import annotations

import pytest

from ficshelf.model import Category, Rating, Status, Warning
from ficshelf.wrangle import wrangle

from .conftest import raw_work


@pytest.mark.parametrize(
    ("stated", "rating"),
    [
        ("G", Rating.GENERAL),
        ("K", Rating.GENERAL),
        ("PG", Rating.GENERAL),
        ("K+", Rating.TEEN),
        ("PG-13", Rating.TEEN),
        ("T", Rating.TEEN),
        ("Teen", Rating.TEEN),
        ("Fiction T", Rating.TEEN),
        ("R", Rating.MATURE),
        ("M", Rating.MATURE),
        ("Mature", Rating.MATURE),
        ("NC-17", Rating.EXPLICIT),
        ("MA", Rating.EXPLICIT),
        ("X", Rating.EXPLICIT),
        ("E", Rating.EXPLICIT),  # AO3's own letters: G, T, M, E
        ("adult", Rating.EXPLICIT),
        ("R for language", Rating.MATURE),
        (None, Rating.NOT_RATED),
    ],
)
def test_ratings_from_any_vocabulary(stated: str | None, rating: Rating) -> None:
    assert wrangle(raw_work(rating=stated)).rating is rating


def test_an_unknown_rating_is_not_rated_and_says_so() -> None:
    work = wrangle(raw_work(rating="Spicy"))
    assert work.rating is Rating.NOT_RATED
    assert any("Spicy" in d for d in work.decisions)


@pytest.mark.parametrize(
    ("line", "warnings"),
    [
        ("noncon", (Warning.NONCON,)),
        ("rape", (Warning.NONCON,)),
        ("MCD", (Warning.MCD,)),
        ("character death", (Warning.MCD,)),
        ("gore and graphic violence", (Warning.VIOLENCE,)),
        ("underage", (Warning.UNDERAGE,)),
        ("none", (Warning.NONE_APPLY,)),
        ("No warnings", (Warning.NONE_APPLY,)),
        ("Warnings withheld", (Warning.CHOSE_NOT,)),
        ("I choose not to warn", (Warning.CHOSE_NOT,)),
        ("Creator Chose Not To Use Archive Warnings", (Warning.CHOSE_NOT,)),
    ],
)
def test_warning_phrases_map_to_archive_warnings(line: str, warnings: tuple[Warning, ...]) -> None:
    assert wrangle(raw_work(warnings=(line,))).warnings == warnings


def test_dubcon_is_a_freeform_not_an_archive_warning() -> None:
    work = wrangle(raw_work(warnings=("dub-con",)))
    assert work.warnings == ()
    assert [t.name for t in work.freeforms] == ["Dubious Consent"]


def test_torture_is_a_warning_and_stays_a_freeform() -> None:
    work = wrangle(raw_work(warnings=("torture",)))
    assert work.warnings == (Warning.VIOLENCE,)
    assert [t.name for t in work.freeforms] == ["Torture"]


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("YAOI", Category.MM),
        ("slash", Category.MM),
        ("het", Category.FM),
        ("femslash", Category.FF),
        ("yuri", Category.FF),
        ("gen", Category.GEN),
        ("threesome", Category.MULTI),
    ],
)
def test_category_words_in_warnings_are_categories(line: str, category: Category) -> None:
    work = wrangle(raw_work(warnings=(line,)))
    assert work.categories == (category,)
    assert work.freeforms == ()


@pytest.mark.parametrize(
    "plea",
    [
        "If you don't like it, don't read.",
        "No flames!",
        "You have been warned.",
        "Thank you.",
        "Perversion Alert!",
    ],
)
def test_pleas_are_not_tags(plea: str) -> None:
    work = wrangle(raw_work(warnings=(f"Angst. {plea}",)))
    assert [t.name for t in work.freeforms] == ["Angst"]


def test_filler_words_are_dropped_and_qualifiers_folded() -> None:
    work = wrangle(
        raw_work(warnings=("um, well, fluff overload, mild language, lots of humor, h/c",))
    )
    assert [t.name for t in work.freeforms] == ["Fluff", "Language", "Humor", "Hurt/Comfort"]


def test_status_words() -> None:
    assert wrangle(raw_work(status="Complete")).status is Status.COMPLETE
    assert wrangle(raw_work(status="WIP")).status is Status.IN_PROGRESS
    assert wrangle(raw_work()).status is None


def test_title_falls_back_to_untitled() -> None:
    assert wrangle(raw_work()).title == "Untitled"

"""The seed header of DESIGN.md, as the plain-text parser hands it over."""

from __future__ import annotations

import pytest

from ficshelf.model import Category, Rating, TagType, Warning, Work
from ficshelf.wrangle import wrangle

from .conftest import chapter, raw_work

SEED = raw_work(
    title="A Title On Its Own Line",
    authors=("Someone",),
    relationships=("Iruka/Kakashi and Naruto/Sasuke",),
    rating="Mature",
    summary="One or two sentences.",
    warnings=(
        "YAOI, Slash, M/M Coupling, Perversion Alert! If you don't like fics like "
        "this please do not read or flame me. Thank you.",
        "AU, Non-Con, torture, permanent disability (an aside in parentheses) um lets see, "
        "what else to warn about, well Romance, possible humor, uh, Hurt/Comfort, "
        "Sasuke is 18, Naruto 17, Sasuke has not yet betrayed his team.",
    ),
    chapters=(chapter("The story begins here, on a quiet morning in the village."),),
)


@pytest.fixture(scope="module")
def work() -> Work:
    return wrangle(SEED)


def test_fandom_is_inferred_from_the_characters(work: Work) -> None:
    assert [t.name for t in work.fandoms] == ["Naruto"]
    assert work.fandom_inferred
    assert work.fandoms[0].how.startswith("inferred from characters")


def test_relationships_use_canonical_names_in_alphabetical_order(work: Work) -> None:
    assert [t.name for t in work.relationships] == [
        "Hatake Kakashi/Umino Iruka",
        "Uchiha Sasuke/Uzumaki Naruto",
    ]
    assert work.relationships[0].written == "Iruka/Kakashi"


def test_category_and_archive_warnings(work: Work) -> None:
    assert work.categories == (Category.MM,)
    assert work.warnings == (Warning.NONCON, Warning.VIOLENCE)
    assert work.rating is Rating.MATURE


def test_freeforms_are_canonical_and_without_filler_or_pleas(work: Work) -> None:
    names = [t.name for t in work.freeforms]
    assert names == [
        "Alternate Universe",
        "Torture",
        "Permanent Disability",
        "Romance",
        "Humor",
        "Hurt/Comfort",
    ]
    assert all(t.type is TagType.FREEFORM and t.known for t in work.freeforms)


def test_ages_and_timeline_go_to_notes(work: Work) -> None:
    assert work.notes is not None
    assert "Sasuke is 18" in work.notes
    assert "Naruto 17" in work.notes
    assert "not yet betrayed his team" in work.notes


def test_plain_fields_carry_over(work: Work) -> None:
    assert work.title == "A Title On Its Own Line"
    assert work.words == 11
    assert work.language == "en"
    assert work.decisions

"""Warning lines written by people: asides stay whole, and run-together words are read apart."""

from __future__ import annotations

import pytest

from ficshelf.model import Category
from ficshelf.wrangle import wrangle
from ficshelf.wrangle.kb import KnowledgeBase

from .conftest import chapter, raw_work


def _freeforms_and_categories(line: str, kb: KnowledgeBase) -> tuple[list[str], list[Category]]:
    work = wrangle(raw_work(warnings=(line,), chapters=(chapter("The kettle sang twice."),)), kb)
    return [tag.name for tag in work.freeforms], list(work.categories)


def test_a_comma_inside_an_aside_does_not_split_the_tag(kb: KnowledgeBase) -> None:
    freeforms, _ = _freeforms_and_categories(
        "AU, mild violence (an old mission, remembered), Romance", kb
    )
    assert not any("(" in name or ")" in name for name in freeforms)
    assert not any("remembered" in name for name in freeforms)
    assert "Romance" in freeforms
    assert len(freeforms) == 3


def test_a_category_word_before_a_known_tag_gives_both(kb: KnowledgeBase) -> None:
    freeforms, categories = _freeforms_and_categories("shounen-ai fluff!", kb)
    assert categories == [Category.MM]
    assert freeforms == ["Fluff"]


def test_an_unknown_tag_after_a_category_word_stays_whole(kb: KnowledgeBase) -> None:
    freeforms, categories = _freeforms_and_categories("slash zeppelinpunk", kb)
    assert categories == []
    assert freeforms == ["slash zeppelinpunk"]


@pytest.mark.parametrize(
    "line", ["see author notes for warnings", "Warnings in the notes", "see end notes"]
)
def test_warnings_sent_to_the_notes_are_withheld_from_the_archive(line: str) -> None:
    work = wrangle(raw_work(warnings=(line,)))
    assert [w.value for w in work.warnings] == ["Creator Chose Not To Use Archive Warnings"]
    assert work.freeforms == ()


@pytest.mark.parametrize("line", ["character death (not major)", "Character Death (minor)"])
def test_a_death_said_not_to_be_major_is_no_archive_warning(line: str) -> None:
    work = wrangle(raw_work(warnings=(line,)))
    assert work.warnings == ()
    assert [(t.name, t.written) for t in work.freeforms] == [("Minor Character Death", line)]

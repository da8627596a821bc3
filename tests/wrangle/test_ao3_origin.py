"""Tags from AO3 files are AO3's own wrangled names: kept, never re-split."""

from __future__ import annotations

from ficshelf.model import Category, Rating, Warning
from ficshelf.wrangle import wrangle

from .conftest import raw_work


def test_ao3_tags_are_kept_as_they_are() -> None:
    work = wrangle(
        raw_work(
            origin="ao3",
            format="ao3-html",
            fandoms=("Sherlock (TV)",),
            rating="Teen And Up Audiences",
            warnings=("No Archive Warnings Apply",),
            categories=("F/M",),
            relationships=("Sarah Sawyer/John Watson",),
            characters=("John Watson", "Sarah Sawyer"),
            freeforms=("Fluff", "Some Very Specific Tag Nobody Else Uses"),
        )
    )
    assert [t.name for t in work.relationships] == ["Sarah Sawyer/John Watson"]
    assert [t.name for t in work.characters] == ["John Watson", "Sarah Sawyer"]
    assert work.rating is Rating.TEEN
    assert work.warnings == (Warning.NONE_APPLY,)
    assert work.categories == (Category.FM,)
    assert all(t.known for t in work.tags)
    assert not work.fandom_inferred


def test_ao3_2021_warning_names_map() -> None:
    work = wrangle(
        raw_work(origin="ao3", warnings=("Choose Not To Use Archive Warnings", "Underage"))
    )
    assert work.warnings == (Warning.CHOSE_NOT, Warning.UNDERAGE)

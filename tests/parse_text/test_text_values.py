"""Single header values: counts, statuses, series, authors, FanFiction.net lines."""

from __future__ import annotations

import datetime as dt

import pytest

from ficshelf.model import SeriesRef
from ficshelf.parse.plaintext.ffn import looks_like_ffn, parse_ffn_line, split_genres
from ficshelf.parse.plaintext.filename import title_from_path
from ficshelf.parse.plaintext.values import (
    parse_chapters,
    parse_count,
    parse_series,
    parse_status,
    parse_word_count,
    split_authors,
)


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("6,800", 6800),
        ("1 234", 1234),
        ("12.345 Wörter", 12345),
        ("about 5k words", 5000),
        ("1942", 1942),
        ("2.5k", 2500),
    ],
)
def test_stated_word_counts(written: str, count: int) -> None:
    assert parse_count(written) == count


def test_size_classes_are_not_word_counts() -> None:
    assert parse_word_count("мини") is None
    assert parse_word_count("Мини, 3 500 слов") == 3500


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Complete", "complete"),
        ("Completed", "complete"),
        ("WIP", "in-progress"),
        ("In progress", "in-progress"),
        ("Yes", "complete"),
        ("закончен", "complete"),
        ("в процессе", "in-progress"),
        ("abgeschlossen", "complete"),
        ("en cours", "in-progress"),
        ("Complete!", "complete"),
        ("who knows", None),
    ],
)
def test_statuses(written: str, status: str | None) -> None:
    assert parse_status(written) == status


def test_chapter_tallies() -> None:
    assert parse_chapters("3/10") == (3, 10, True)
    assert parse_chapters("3/?") == (3, None, True)
    assert parse_chapters("3") == (3, None, False)


@pytest.mark.parametrize(
    ("written", "series"),
    [
        ("Part 2 of Kettle Stories", SeriesRef("Kettle Stories", 2)),
        ("Orchard Tales, Part 3", SeriesRef("Orchard Tales", 3)),
        ("Orchard Tales #4", SeriesRef("Orchard Tales", 4)),
        ("Orchard Tales (5)", SeriesRef("Orchard Tales", 5)),
        ("Mountain Letters", SeriesRef("Mountain Letters", None)),
    ],
)
def test_series_references(written: str, series: SeriesRef) -> None:
    assert parse_series(written) == series


def test_author_lists_drop_addresses() -> None:
    assert split_authors("Wren Halloway <wren@example.org>") == ["Wren Halloway"]
    assert split_authors("Moth & Lark") == ["Moth", "Lark"]
    assert split_authors("Moth, Lark and Wren (http://example.org/)") == ["Moth", "Lark", "Wren"]


def test_ffn_genres_split_on_the_closed_list() -> None:
    assert split_genres("Angst/Hurt/Comfort") == ("Angst", "Hurt/Comfort")
    assert split_genres("Angst/Cooking") is None


def test_ffn_line_with_pairing_in_brackets() -> None:
    value = (
        "Fiction T - English - Romance/Drama - [Harry P., Draco M.] - Words: 12,345 - "
        "Reviews: 3 - Updated: 1/2/2010 - Published: 12/1/2009 - Status: Complete - id: 123"
    )
    assert looks_like_ffn(value)
    line = parse_ffn_line(value)
    assert line.rating == "Fiction T"
    assert line.language == "English"
    assert line.genres == ("Romance", "Drama")
    assert line.relationships == ("Harry P./Draco M.",)
    assert line.characters == ()
    assert line.words == 12345
    assert line.status == "complete"
    assert line.published == dt.date(2009, 12, 1)
    assert line.updated == dt.date(2010, 1, 2)
    assert line.extra == {"Reviews": "3", "id": "123"}


def test_bare_rating_is_not_an_ffn_line() -> None:
    assert not looks_like_ffn("PG-13")
    assert not looks_like_ffn("R - for language")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("the_long_watch.txt", "The Long Watch"),
        ("stories/salt-and-iron.txt", "Salt and Iron"),
        ("Already Titled.txt", "Already Titled"),
        ("of_mice_and_men.txt", "Of Mice and Men"),
    ],
)
def test_title_from_file_name(path: str, title: str) -> None:
    assert title_from_path(path) == title

"""Dates as headers write them, in the languages we read."""

from __future__ import annotations

import datetime as dt

import pytest

from ficshelf.parse.dates import parse_date


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2004-03-03", dt.date(2004, 3, 3)),
        ("2004-3-3", dt.date(2004, 3, 3)),
        ("2004/03/03", dt.date(2004, 3, 3)),
        ("March 3, 2004", dt.date(2004, 3, 3)),
        ("Mar 3 2004", dt.date(2004, 3, 3)),
        ("3 March 2004", dt.date(2004, 3, 3)),
        ("3rd March, 2004", dt.date(2004, 3, 3)),
        ("3 марта 2004 г.", dt.date(2004, 3, 3)),
        ("3. März 2004", dt.date(2004, 3, 3)),
        ("1er mars 2004", dt.date(2004, 3, 1)),
        ("3 marzo 2004", dt.date(2004, 3, 3)),
        ("13/04/2004", dt.date(2004, 4, 13)),
        ("04/13/2004", dt.date(2004, 4, 13)),
        ("03.04.2004", dt.date(2004, 4, 3)),
        ("posted on 12/1/09", dt.date(2009, 12, 1)),
        ("June 2010", dt.date(2010, 6, 1)),
    ],
)
def test_common_date_forms_are_read(written: str, expected: dt.date) -> None:
    assert parse_date(written) == expected


def test_ambiguous_slashes_follow_the_caller() -> None:
    assert parse_date("03/04/2004", day_first=True) == dt.date(2004, 4, 3)
    assert parse_date("03/04/2004", day_first=False) == dt.date(2004, 3, 4)


@pytest.mark.parametrize("written", ["", "someday", "2004-13-45", "in the spring"])
def test_what_is_not_a_date_is_none(written: str) -> None:
    assert parse_date(written) is None

"""Turn range values as typed (``<=mature``, ``>10k``, ``2015..2016-06``) into an ``Interval``.

Every single value names an interval of its own: a rating or a count is one point, ``2015`` is
the whole year. The comparisons then read naturally: ``>2015`` is after the year ends,
``>=2015`` from its first day, ``<=2015-06`` up to the end of June, and ``a..b`` runs from the
start of ``a`` to the end of ``b`` (either side may be left open: ``..5000``, ``10k..``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from ficshelf.search.ast import Interval, RangeField
from ficshelf.search.vocabulary import fold, vocabulary

_COUNT = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<unit>[kKmM]?)")
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000}
_COMPARISONS = ("<=", ">=", "<", ">", "=")

EXPECTS = {
    RangeField.RATING: (
        "a rating: general, teen, mature, explicit, not-rated (or g, t, m, e, nr), "
        "optionally with <, <=, >, >= or as a range like teen..mature"
    ),
    RangeField.WORDS: "a number like 10000 or 10k, with <, <=, >, >= or as a range like 1k..5k",
    RangeField.CHAPTERS: "a number like 3, with <, <=, >, >= or as a range like 2..10",
    RangeField.PUBLISHED: "a date YYYY, YYYY-MM or YYYY-MM-DD, with <, >, or a range a..b",
    RangeField.UPDATED: "a date YYYY, YYYY-MM or YYYY-MM-DD, with <, >, or a range a..b",
}


class BadValueError(ValueError):
    """The value does not fit its field; the parser turns this into a positioned QueryError."""


def parse_interval(field: RangeField, value: str) -> Interval:
    """The interval ``value`` denotes for ``field``; ``BadValueError`` if none."""
    point = _POINTS[field]
    text = value.strip().replace("_", "")
    if ".." in text:
        start, _, end = text.partition("..")
        if not start and not end:
            raise BadValueError(value)
        low = point(start).low if start else None
        high = point(end).high if end else None
        if low is not None and high is not None and low > high:
            raise BadValueError(value)
        return Interval(low, high)
    for comparison in _COMPARISONS:
        if text.startswith(comparison):
            return _compare(comparison, point(text[len(comparison) :]))
    return point(text)


def _compare(comparison: str, span: Interval) -> Interval:
    assert span.low is not None and span.high is not None
    match comparison:
        case "<":
            return Interval(None, span.low - 1)
        case "<=":
            return Interval(None, span.high)
        case ">":
            return Interval(span.high + 1, None)
        case ">=":
            return Interval(span.low, None)
        case _:
            return span


def _rating(text: str) -> Interval:
    rating = vocabulary().ratings.get(fold(text))
    if rating is None:
        raise BadValueError(text)
    return Interval(rating.rank, rating.rank)


def _count(text: str) -> Interval:
    match = _COUNT.fullmatch(text.strip())
    if not match:
        raise BadValueError(text)
    number, unit = match["number"], match["unit"].lower()
    if "." in number and not unit:
        raise BadValueError(text)
    count = round(float(number) * _UNITS[unit]) if unit else int(number)
    return Interval(count, count)


def _date(text: str) -> Interval:
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise BadValueError(text)
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return Interval(day.toordinal(), day.toordinal())
        if match["month"]:
            month = int(match["month"])
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return _days(dt.date(year, month, 1), dt.date(year, month, last))
        return _days(dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError as error:
        raise BadValueError(text) from error


def _days(first: dt.date, last: dt.date) -> Interval:
    return Interval(first.toordinal(), last.toordinal())


_POINTS: dict[RangeField, Callable[[str], Interval]] = {
    RangeField.RATING: _rating,
    RangeField.WORDS: _count,
    RangeField.CHAPTERS: _count,
    RangeField.PUBLISHED: _date,
    RangeField.UPDATED: _date,
}

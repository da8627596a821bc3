"""Dates as fans write them in headers, in any of the languages we read.

Handles ISO ("2004-03-03", "2004-3-3", "2004/03/03"), numeric day/month forms ("03/04/2004",
"3.4.2004", "03-04-04"), and month names in English, French, German, Italian, Spanish and
Russian ("March 3, 2004", "3rd March 2004", "3. März 2004", "1er mars 2004", "3 марта 2004 г.").
A date we cannot read is None, never a guess that might be wrong by years.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from importlib import resources

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_WORD = r"([^\W\d_]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|e|\.|º)?"
_YEAR = r"(\d{4})"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d){_DAY}\s+(?:de\s+)?{_WORD},?\s+(?:de\s+)?{_YEAR}")
_MONTH_DAY_YEAR = re.compile(rf"{_WORD}\s+{_DAY},?\s+{_YEAR}")
_MONTH_YEAR = re.compile(rf"{_WORD}\s+{_YEAR}")

# Years written with two digits: 00-69 are 2000s, 70-99 the 1900s (fan fiction online
# starts in the 1970s zines at the earliest).
_PIVOT = 70


@functools.cache
def _month_numbers() -> dict[str, int]:
    text = resources.files("ficshelf.data").joinpath("months.toml").read_text("utf-8")
    table: list[list[str]] = tomllib.loads(text)["months"]
    return {name: number for number, names in enumerate(table, start=1) for name in names}


def parse_date(text: str, *, day_first: bool | None = None) -> dt.date | None:
    """Read the first date in ``text``.

    ``day_first`` settles "03/04/2004": True reads 3 April, False reads March 4. When None,
    slashes read month first (FanFiction.net, American archives) and dots or dashes day first
    (European habit), unless a number above 12 settles it.
    """
    if not text:
        return None
    return _iso(text) or _named_month(text) or _numeric(text, day_first) or _month_and_year(text)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        value += 2000 if value < _PIVOT else 1900
    return value


def _iso(text: str) -> dt.date | None:
    match = _ISO.search(text)
    if match is None:
        return None
    return _make(int(match[1]), int(match[2]), int(match[3]))


def _numeric(text: str, day_first: bool | None) -> dt.date | None:
    match = _NUMERIC.search(text)
    if match is None:
        return None
    first, separator, second, year = int(match[1]), match[2], int(match[3]), match[4]
    if first > 12:
        day_first = True
    elif second > 12:
        day_first = False
    elif day_first is None:
        day_first = separator != "/"
    day, month = (first, second) if day_first else (second, first)
    return _make(_full_year(year), month, day)


def _month(word: str) -> int | None:
    return _month_numbers().get(word.casefold())


def _named_month(text: str) -> dt.date | None:
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _month(match[2])
        if month is not None:
            return _make(int(match[3]), month, int(match[1]))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _month(match[1])
        if month is not None:
            return _make(int(match[3]), month, int(match[2]))
    return None


def _month_and_year(text: str) -> dt.date | None:
    """ "March 2004" has no day: the first of the month keeps the year and month right."""
    for match in _MONTH_YEAR.finditer(text):
        month = _month(match[1])
        if month is not None:
            return _make(int(match[2]), month, 1)
    return None

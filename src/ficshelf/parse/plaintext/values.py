"""Read single header values: counts, statuses, series references, author lists.

Each function takes one value as written and returns it in the shape RawWork wants, or None
when the value does not say what it seems to, so the caller can keep it as written instead.
"""

from __future__ import annotations

import functools
import re

from ficshelf.model import SeriesRef, Status
from ficshelf.parse.plaintext.labels import vocabulary

_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+)(?![\d])")
_KILO = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*[kK](?![a-zA-Z])")
_WORD_UNITS = re.compile(r"\b(?:words?|слов\w*|wörter|worte|mots|parole)\b", re.IGNORECASE)
_CHAPTERS = re.compile(r"^\s*(\d+)\s*(?:/\s*(\d+|\?))?")
_EMAIL = re.compile(r"[<(\[]?\s*(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[>)\]]?")
_URL = re.compile(r"[<(\[]?\s*https?://\S+\s*[>)\]]?")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\bи\b)\s*", re.IGNORECASE)
_SERIES_PATTERNS = (
    # "Part 2 of The Long Watch", "Teil 2 von X", "Partie 2 de X", "Часть 2 цикла X"
    re.compile(
        r"^(?:part|book|teil|partie|parte|часть)\s+(?P<pos>\d+)\s+"
        r"(?:of|von|de|di|del|della|цикла|серии)\s+(?:the series\s+)?(?P<name>.+)$",
        re.IGNORECASE,
    ),
    # "The Long Watch, Part 2", "The Long Watch #2", "The Long Watch (book 2)"
    re.compile(
        r"^(?P<name>.+?)[\s,:;(-]*(?:#|part|book|no\.?|vol\.?|teil|partie|parte|часть)\s*"
        r"(?P<pos>\d+)\)?$",
        re.IGNORECASE,
    ),
    # "The Long Watch (2)"
    re.compile(r"^(?P<name>.+?)\s*\((?P<pos>\d+)\)$"),
)
_SERIES_SUFFIX = re.compile(r"\s+series$", re.IGNORECASE)


@functools.cache
def _statuses() -> dict[str, str]:
    table: dict[str, list[str]] = vocabulary()["status"]
    return {word: key for key, words in table.items() for word in words}


def parse_count(text: str) -> int | None:
    """A stated number: "6,800", "1 234", "12.345 Wörter", "about 5k words" -> int."""
    kilo = _KILO.search(text)
    if kilo is not None:
        return round(float(kilo[1].replace(",", ".")) * 1000)
    match = _THOUSANDS.search(text)
    if match is None:
        return None
    return int(re.sub(r"\D", "", match[1]))


def parse_word_count(text: str) -> int | None:
    """Words from a size value: a bare number or a number with a word unit, not "мини"."""
    stripped = text.strip()
    if _WORD_UNITS.search(stripped) or re.fullmatch(r"[\d\s,.\u00a0\u202fkK~≈+]+", stripped):
        return parse_count(stripped)
    return None


def parse_status(text: str) -> str | None:
    """ "Complete", "WIP", "Completed: Yes", "закончен" -> a Status value, or None."""
    words = re.sub(r"[^\w\s/-]", " ", text.casefold()).split()
    statuses = _statuses()
    for size in (len(words), 3, 2, 1):
        candidate = " ".join(words[:size])
        if candidate in statuses:
            return (
                Status.COMPLETE.value
                if statuses[candidate] == "complete"
                else (Status.IN_PROGRESS.value)
            )
    return None


def parse_chapters(text: str) -> tuple[int | None, int | None, bool]:
    """ "3/10" -> (3, 10, True); "3/?" -> (3, None, True); "3" -> (3, None, False).

    The flag says whether an expected total was written at all ("?" counts), which is what
    tells a finished work from one in progress.
    """
    match = _CHAPTERS.match(text)
    if match is None:
        return None, None, False
    expected = match[2]
    total = int(expected) if expected and expected.isdigit() else None
    return int(match[1]), total, expected is not None


def parse_series(text: str) -> SeriesRef | None:
    value = text.strip().strip(".")
    if not value:
        return None
    for pattern in _SERIES_PATTERNS:
        match = pattern.match(value)
        if match is not None:
            name = _SERIES_SUFFIX.sub("", match["name"].strip(" ,:;-–—\"'“”"))
            return SeriesRef(name=name, position=int(match["pos"]))
    return SeriesRef(name=value)


def split_authors(text: str) -> list[str]:
    """ "A & B", "A, B and C" -> names, with e-mail addresses and links dropped."""
    cleaned = _URL.sub(" ", _EMAIL.sub(" ", text))
    cleaned = re.sub(r"\(\s*\)|\[\s*\]|<\s*>", " ", cleaned)
    names = [name.strip(" -–—:|") for name in _AUTHOR_SPLIT.split(cleaned)]
    return [name for name in names if name]

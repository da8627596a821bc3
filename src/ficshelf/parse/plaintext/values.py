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
_LIST_SPLIT = re.compile(r"\s*(?:[,;]|\s&\s)\s*")
_CONJUNCTION = re.compile(r"\s+(?:and|und|et|e|и)\s+", re.IGNORECASE)
_NAME_STRIP = " -–—:|"
_FULL_NAME_WORDS = 2
# A pen name that is plainly a handle: digits, underscores, dots, camelCase or lower case.
_HANDLE = re.compile(r"[\d_.]|^[^\W\d_]*[a-z][^\W\d_]*[A-Z]|^[a-zа-яà-ÿ]")
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
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


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
            return SeriesRef(name=_series_name(match["name"]), position=int(match["pos"]))
    return SeriesRef(name=value)


def _series_name(written: str) -> str:
    """ "the Harbour series" names the series Harbour; "The Long Watch" keeps its article."""
    name = written.strip(" ,:;-–—\"'“”")
    if _SERIES_SUFFIX.search(name) is None:
        return name
    return _ARTICLE.sub("", _SERIES_SUFFIX.sub("", name)).strip(" \"'“”")


def split_authors(text: str) -> list[str]:
    """ "A & B", "A, B and C" -> names, with e-mail addresses and links dropped.

    Commas, semicolons and "&" always separate names. The word "and" (or "und", "et", "e",
    "и") separates them only in a comma list or when both sides stand as names on their own:
    full names of two or more words ("Mira Holt and Jun Park") or handles ("inkwell_07 and
    paperkite"). Two capitalised words joined by "and" ("Salt and Pepper") are one pen name.
    """
    cleaned = _URL.sub(" ", _EMAIL.sub(" ", text))
    cleaned = re.sub(r"\(\s*\)|\[\s*\]|<\s*>", " ", cleaned)
    pieces = [piece for piece in _LIST_SPLIT.split(cleaned) if piece.strip(_NAME_STRIP)]
    listed = len(pieces) > 1
    names: list[str] = []
    for piece in pieces:
        names.extend(_split_joined_names(piece, listed=listed))
    return [name for name in (name.strip(_NAME_STRIP) for name in names) if name]


def _split_joined_names(piece: str, *, listed: bool) -> list[str]:
    parts = [part for part in _CONJUNCTION.split(piece) if part.strip(_NAME_STRIP)]
    if len(parts) < 2:
        return [piece]
    if listed or all(_stands_as_name(part.strip(_NAME_STRIP)) for part in parts):
        return parts
    return [piece]


def _stands_as_name(part: str) -> bool:
    words = part.split()
    if len(words) >= _FULL_NAME_WORDS:
        return all(word[:1].isupper() for word in words)
    return len(words) == 1 and _HANDLE.search(part) is not None

"""Language as an ISO 639-1 code, from a stated name ("English", "Русский") or from the text."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from importlib import resources

from ficshelf.parse.langmodel import classifier

_MIN_CHARS_TO_GUESS = 40
# Enough prose for a sure guess; the classifier's time grows with the sample. Measured on
# 1,068 stories (7 of them in German, Russian, Chinese or French): the same answer for every
# one from 500 to 2,500 characters. Few are not English, so 800 keeps a margin above that.
_SAMPLE_CHARS = 800


@functools.cache
def _names() -> dict[str, str]:
    data = resources.files("ficshelf.data").joinpath("languages.toml").read_text("utf-8")
    table = tomllib.loads(data)["names"]
    return {name.casefold(): code for code, names in table.items() for name in names}


def language_code(stated: str | None) -> str | None:
    """Map a language as written ("English", "en", "Deutsch", "français") to ISO 639-1."""
    if not stated:
        return None
    key = stated.strip().casefold()
    if len(key) == 2 and key.isalpha() and key in set(_names().values()):
        return key
    return _names().get(key)


def detect_language(text: str | Iterable[str]) -> str | None:
    """Guess the language of a text, or of a story from its chapters' texts in order; None
    when there is too little text to tell. Only the opening is read, never the whole."""
    sample = _opening((text,) if isinstance(text, str) else text, _SAMPLE_CHARS)
    if len(sample.strip()) < _MIN_CHARS_TO_GUESS:
        return None
    code, _score = classifier().classify(sample)
    return str(code)


def _opening(texts: Iterable[str], limit: int) -> str:
    taken: list[str] = []
    size = 0
    for text in texts:
        if size >= limit:
            break
        taken.append(text[: limit - size])
        size += len(taken[-1])
    return "\n".join(taken)

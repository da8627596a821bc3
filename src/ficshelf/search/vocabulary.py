"""The words of the query language, loaded once from ``ficshelf/data/search.toml``."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

from ficshelf.model import Category, Rating, Warning
from ficshelf.search.ast import SortKey

_E = TypeVar("_E", Rating, Warning, Category)
_SEPARATORS = re.compile(r"[\s_-]+")


def fold(word: str) -> str:
    """Compare vocabulary words ignoring case and the spelling of separators."""
    return _SEPARATORS.sub(" ", word.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Folded spelling -> meaning, one table per kind of word."""

    fields: dict[str, str]
    ratings: dict[str, Rating]
    warnings: dict[str, Warning]
    categories: dict[str, Category]
    status: dict[str, bool]
    sorts: dict[str, SortKey]


@functools.cache
def vocabulary() -> Vocabulary:
    text = resources.files("ficshelf.data").joinpath("search.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Vocabulary(
        fields={name.casefold(): field for name, field in data["fields"].items()},
        ratings=_aliases(data["ratings"], Rating),
        warnings=_aliases(data["warnings"], Warning),
        categories=_aliases(data["categories"], Category),
        status={
            fold(word): meaning == "true"
            for meaning, words in data["status"].items()
            for word in words
        },
        sorts={fold(name): SortKey(key) for name, key in data["sorts"].items()},
    )


def _aliases(table: dict[str, list[str]], enum: type[_E]) -> dict[str, _E]:
    return {fold(word): enum(name) for name, words in table.items() for word in words}

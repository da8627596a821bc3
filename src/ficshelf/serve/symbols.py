"""The four required-tag symbols of a blurb (rating, warnings, category, completion).

Each symbol has a CSS key (style.css draws the coloured square), a short glyph for sighted
readers and the full text that screen readers read and that shows as a tooltip.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ficshelf.model import Category, Rating, Status, Warning


@dataclass(frozen=True, slots=True)
class Symbol:
    kind: str  # rating, warning, category, status
    key: str
    letter: str
    text: str


@cache
def symbol_table() -> Mapping[str, Any]:
    text = resources.files("ficshelf.data").joinpath("web/symbols.toml").read_text("utf-8")
    return tomllib.loads(text)


def _symbol(kind: str, entry: str, text: str | None = None) -> Symbol:
    found = symbol_table()[kind][entry]
    return Symbol(kind, found["key"], found["letter"], text or found.get("text") or entry)


def rating_symbol(rating: Rating) -> Symbol:
    return _symbol("rating", rating.value, f"Rating: {rating.value}")


def warning_symbol(warnings: Sequence[Warning]) -> Symbol:
    real = [w for w in warnings if w not in (Warning.NONE_APPLY, Warning.CHOSE_NOT)]
    if real:
        return _symbol("warning", "apply", "Archive warnings: " + ", ".join(real))
    if Warning.CHOSE_NOT in warnings:
        return _symbol("warning", "chose-not")
    return _symbol("warning", "none" if warnings else "unknown")


def category_symbol(categories: Sequence[Category]) -> Symbol:
    if not categories:
        return _symbol("category", "none")
    entry = categories[0].value if len(categories) == 1 else Category.MULTI.value
    return _symbol("category", entry, "Category: " + ", ".join(categories))


def status_symbol(status: Status | None) -> Symbol:
    return _symbol("status", status.value if status else "unknown")


def required_tags(
    rating: Rating,
    warnings: Sequence[Warning],
    categories: Sequence[Category],
    status: Status | None,
) -> tuple[Symbol, ...]:
    """The square, in AO3's order: rating, category / warnings, completion."""
    return (
        rating_symbol(rating),
        category_symbol(categories),
        warning_symbol(warnings),
        status_symbol(status),
    )

"""The words exports print, loaded once from ``data/export/labels.toml``.

Kept as data so that the wording (AO3's, which readers know and ficshelf's own readers parse)
can be reviewed in one place and changed without touching the writers.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class FieldLabel:
    """One preface field: the work field it shows and its label for one value or several."""

    field: str
    one: str
    many: str

    def for_count(self, count: int) -> str:
        return self.one if count == 1 else self.many


@dataclass(frozen=True, slots=True)
class Labels:
    preface: tuple[FieldLabel, ...]
    stats: Mapping[str, str]
    sections: Mapping[str, str]
    phrases: Mapping[str, str]
    text: Mapping[str, str]
    """Plain-text header label per field."""
    markdown: Mapping[str, str]
    """Markdown front-matter key per field."""
    right_to_left: frozenset[str]
    """ISO 639-1 codes of languages written right to left."""


@functools.cache
def labels() -> Labels:
    raw = resources.files("ficshelf.data").joinpath("export/labels.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return Labels(
        preface=tuple(FieldLabel(**entry) for entry in data["preface"]),
        stats=dict(data["stats"]),
        sections=dict(data["sections"]),
        phrases=dict(data["phrases"]),
        text=dict(data["text"]),
        markdown=dict(data["markdown"]),
        right_to_left=frozenset(data["languages"]["right_to_left"]),
    )


@functools.cache
def _language_names() -> dict[str, str]:
    raw = resources.files("ficshelf.data").joinpath("languages.toml").read_text("utf-8")
    table: dict[str, list[str]] = tomllib.loads(raw)["names"]
    return {code: names[0] for code, names in table.items() if names}


def language_name(code: str | None) -> str | None:
    """ "ru" -> "Русский": the name AO3 prints (the first name listed for the code)."""
    if not code:
        return None
    return _language_names().get(code, code)

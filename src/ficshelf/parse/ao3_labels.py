"""AO3's template wording (labels, phrases, error pages), loaded from ``data/ao3_labels.toml``.

Kept as data so a newly found template generation or wording is one line in the TOML file, not a
code change. Every lookup is case-insensitive and ignores a trailing colon.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Ao3Labels:
    fields: dict[str, str]
    """Normalized preface label -> field name ("archive warnings" -> "warnings")."""
    workpage_classes: dict[str, str]
    """Work-page <dd> class -> field name ("freeform" -> "freeforms")."""
    stats: dict[str, str]
    """Normalized stats label -> stat name ("completed" -> "completed")."""
    sections: dict[str, str]
    """Normalized section label -> section name ("chapter end notes" -> "chapter_end_notes")."""
    phrases: dict[str, Any]
    pages: dict[str, tuple[str, ...]]

    def field_for(self, label: str) -> str | None:
        return self.fields.get(normalize_label(label))

    def section_for(self, label: str) -> str | None:
        return self.sections.get(normalize_label(label))

    def stat_labels(self) -> tuple[str, ...]:
        return tuple(self.stats)

    def phrase_list(self, name: str) -> tuple[str, ...]:
        value = self.phrases[name]
        return (value,) if isinstance(value, str) else tuple(value)


def normalize_label(label: str) -> str:
    """ "  Archive Warnings: " -> "archive warnings"."""
    return " ".join(label.split()).rstrip(":").strip().casefold()


def _invert(table: dict[str, list[str]]) -> dict[str, str]:
    return {normalize_label(label): name for name, labels in table.items() for label in labels}


@functools.cache
def ao3_labels() -> Ao3Labels:
    raw = resources.files("ficshelf.data").joinpath("ao3_labels.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return Ao3Labels(
        fields=_invert(data["fields"]),
        workpage_classes={css: name for name, css in data["workpage_classes"].items()},
        stats=_invert(data["stats"]),
        sections=_invert(data["sections"]),
        phrases=dict(data["phrases"]),
        pages={name: tuple(texts) for name, texts in data["pages"].items()},
    )

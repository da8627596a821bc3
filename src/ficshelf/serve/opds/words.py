"""The catalog's words (feed titles, section names, link titles), from ``web/opds/catalog.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Section:
    """One entry of the start feed: the feed it opens (``key``), its title and description."""

    key: str
    title: str
    content: str
    kind: str  # "navigation" or "acquisition": the kind of feed the entry opens


@dataclass(frozen=True, slots=True)
class CatalogWords:
    catalog: dict[str, str]
    sections: tuple[Section, ...]
    titles: dict[str, str]
    entries: dict[str, str]
    opensearch: dict[str, str]

    def section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)

    def works(self, count: int) -> str:
        """ "1 work", "12 works"."""
        if count == 1:
            return self.entries["one_work"]
        return self.entries["many_works"].format(count=f"{count:,}")


@cache
def catalog_words() -> CatalogWords:
    text = resources.files("ficshelf.data").joinpath("web/opds/catalog.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return CatalogWords(
        catalog=dict(data["catalog"]),
        sections=tuple(Section(**section) for section in data["sections"]),
        titles=dict(data["titles"]),
        entries=dict(data["entries"]),
        opensearch=dict(data["opensearch"]),
    )
